using Hub.Core.Profiles;

namespace Hub.Core.Access.Residents;

/// <summary>
/// Which statuses a resident list takes, on the list's day: <c>active</c>, <c>deceased</c>, <c>movedOut</c>, one or
/// several. A person no source states a status for counts as active: the Hub knows of no death or move.
/// </summary>
public sealed class ResidentStatusFilter
{
    private static readonly (string Name, PersonStatus Status)[] Names =
    [
        ("active", PersonStatus.Active), ("deceased", PersonStatus.Deceased), ("movedOut", PersonStatus.MovedOut),
    ];

    private readonly HashSet<PersonStatus> _statuses;

    private ResidentStatusFilter(IEnumerable<PersonStatus> statuses) => _statuses = [.. statuses];

    /// <summary>
    /// The list a street office expects when it asks for its special-group residents: the people who are there, so
    /// neither the deceased nor those who moved out of the area.
    /// </summary>
    public static ResidentStatusFilter Default { get; } = new([PersonStatus.Active]);

    /// <summary>The statuses taken, in the order <c>active</c>, <c>deceased</c>, <c>movedOut</c>, comma-separated: the filter as a query states it.</summary>
    public string Value => string.Join(',', Names.Where(n => _statuses.Contains(n.Status)).Select(n => n.Name));

    /// <summary>The API's name of <paramref name="status"/>: <c>active</c>, <c>deceased</c> or <c>movedOut</c>.</summary>
    public static string NameOf(PersonStatus status) => Names.First(n => n.Status == status).Name;

    /// <summary>
    /// Reads a filter: one or more of <c>active</c>, <c>deceased</c>, <c>movedOut</c>, comma-separated (any case);
    /// <see cref="Default"/> when <paramref name="text"/> is null. False for anything else, an empty value included.
    /// </summary>
    public static bool TryParse(string? text, out ResidentStatusFilter filter)
    {
        filter = Default;
        if (text is null)
        {
            return true;
        }

        var statuses = new List<PersonStatus>();
        foreach (var part in text.Split(','))
        {
            var name = part.Trim();
            var match = Names.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match.Name is null)
            {
                return false;
            }

            statuses.Add(match.Status);
        }

        filter = new ResidentStatusFilter(statuses);
        return true;
    }

    /// <summary>Whether the filter takes <paramref name="resident"/> on <paramref name="day"/>.</summary>
    public bool Matches(ListedResident resident, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(resident);
        return _statuses.Contains(resident.StatusOn(day) ?? PersonStatus.Active);
    }

    /// <summary>Whether the filter takes people other than the active: a list of them shows what the register states.</summary>
    public bool TakesOtherThanActive => _statuses.Any(s => s != PersonStatus.Active);

    /// <inheritdoc />
    public override string ToString() => Value;
}
