using Hub.Core.Kernel;
using Hub.Core.Profiles;

namespace Hub.Core.Access.Residents;

/// <summary>A person as a street list shows them, read from the resident index; nothing here is disclosed yet.</summary>
/// <param name="PersonKey">The golden person.</param>
/// <param name="Position">Where the person's index row lies, so a list can go on after it.</param>
/// <param name="Division">The community (12 digits) the row files the person under.</param>
/// <param name="Grid">The grid within the community; null when the person has none.</param>
/// <param name="Places">The divisions where the person lives or is registered.</param>
/// <param name="Memberships">The person's memberships of special groups, with their dates.</param>
/// <param name="HouseholdKey">The person's household; null when unknown.</param>
/// <param name="Name">The surviving name; null when no source gave one.</param>
/// <param name="NameSource">The source the name came from.</param>
/// <param name="Identified">Whether the person was identified by an ID number (not a provisional person).</param>
/// <param name="Status">The register's status of the person, with its date; null when no source states one.</param>
public sealed record ListedResident(
    PersonKey PersonKey,
    ResidentListPosition Position,
    string Division,
    string? Grid,
    IReadOnlyList<string> Places,
    IReadOnlyList<ResidentMembership> Memberships,
    string? HouseholdKey,
    string? Name,
    string? NameSource,
    bool Identified,
    ResidentStatus? Status = null)
{
    /// <summary>
    /// Whether the person belongs to a special group on <paramref name="day"/>: a membership active then, of
    /// <paramref name="group"/> when one is named. This is what makes a resident appear in a street's list.
    /// </summary>
    public bool IsSpecialGroupMemberOn(DateOnly day, GroupId? group = null) =>
        Memberships.Any(m => m.IsActiveOn(day) && (group is null || m.Group == group));

    /// <summary>The person's status on <paramref name="day"/> (<see cref="ResidentStatus.On"/>); null when no source states one.</summary>
    public PersonStatus? StatusOn(DateOnly day) => Status?.On(day);

    /// <summary>Reads an index row; its row key is <c>community|grid|person key</c> within the street's partition.</summary>
    internal static ListedResident From(ResidentEntity row)
    {
        var parts = row.RowKey.Split('|');
        return new ListedResident(
            PersonKey.Parse(row.PersonKey),
            new ResidentListPosition(row.PartitionKey, row.RowKey),
            row.PartitionKey + parts[0],
            parts.Length > 1 && parts[1] != "-" ? parts[1] : null,
            row.Places.Split(',', StringSplitOptions.RemoveEmptyEntries),
            ResidentMembership.Parse(row.Memberships),
            row.HouseholdKey,
            row.Name,
            row.NameSource,
            row.Identified,
            ResidentStatus.Read(row.Status, row.StatusDate, row.StatusSince, row.StatusSource));
    }
}
