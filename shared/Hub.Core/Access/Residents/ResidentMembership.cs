using System.Globalization;
using Hub.Core.Kernel;

namespace Hub.Core.Access.Residents;

/// <summary>A membership as a resident-index row carries it (<c>group:from:lastDay</c>), enough to filter a list by day.</summary>
/// <param name="Group">The group.</param>
/// <param name="ValidFrom">The first day.</param>
/// <param name="LastDay">The last day; null while open-ended.</param>
public sealed record ResidentMembership(GroupId Group, DateOnly ValidFrom, DateOnly? LastDay)
{
    /// <summary>Whether the membership is active on <paramref name="date"/>.</summary>
    public bool IsActiveOn(DateOnly date) => ValidFrom <= date && (LastDay is null || LastDay >= date);

    /// <summary>Reads a row's <c>Memberships</c> column; malformed entries are skipped.</summary>
    public static IReadOnlyList<ResidentMembership> Parse(string? column)
    {
        var memberships = new List<ResidentMembership>();
        foreach (var entry in (column ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split(':');
            if (parts.Length == 3
                && GroupId.TryParse(parts[0], out var group)
                && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
            {
                DateOnly? last = DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
                memberships.Add(new ResidentMembership(group.Value, from, last));
            }
        }

        return memberships;
    }
}
