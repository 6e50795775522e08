using System.Globalization;
using Hub.Core.Profiles;

namespace Hub.Core.Access.Residents;

/// <summary>A person's status as a resident-index row carries it, enough to show and filter a list for any day.</summary>
/// <param name="Value">The register's status.</param>
/// <param name="Date">The date the register gives for a death or a move out; null when it gives none.</param>
/// <param name="Since">The first day a death or a move out holds; null for an active person.</param>
/// <param name="Source">The source that states the status.</param>
public sealed record ResidentStatus(PersonStatus Value, DateOnly? Date, DateOnly? Since, string? Source)
{
    /// <summary>The status on <paramref name="day"/>: a death or a move out holds from <see cref="Since"/>; before it the person was active.</summary>
    public PersonStatus On(DateOnly day) => Value is PersonStatus.Deceased or PersonStatus.MovedOut && Since > day ? PersonStatus.Active : Value;

    /// <summary>Reads a row's status columns; null when the row holds no known status. A malformed date is left out.</summary>
    internal static ResidentStatus? Read(string? status, string? date, string? since, string? source)
    {
        // Rows store the enum's lower-case name ("movedout"); any case reads.
        if (status is null || !Enum.TryParse<PersonStatus>(status, ignoreCase: true, out var value) || !Enum.IsDefined(value) || int.TryParse(status, out _))
        {
            return null;
        }

        var stated = Day(date);
        return new ResidentStatus(value, stated, Day(since) ?? stated, source);
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
