using Azure;
using Azure.Data.Tables;

namespace Hub.Core.Profiles;

/// <summary>
/// A person's profile as a table entity, in the same partition as the person's facts (<c>p000</c>–<c>p3ff</c>), so a
/// partition's facts and profiles are read and written together. The few properties beside the JSON are what later
/// indexes and lists filter on.
/// </summary>
internal sealed class ProfileEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The whole profile (<see cref="ProfileJson"/>).</summary>
    public string Profile { get; set; } = "{}";

    public DateTime BuiltFor { get; set; }

    public string? ResidenceDivision { get; set; }

    public string? RegistrationDivision { get; set; }

    public string? HouseholdKey { get; set; }

    /// <summary>The groups active on <see cref="BuiltFor"/>, comma-separated.</summary>
    public string Groups { get; set; } = string.Empty;

    /// <summary>False for a provisional person: a record kept without a usable ID number, not yet matched.</summary>
    public bool Identified { get; set; } = true;

    public static ProfileEntity From(PersonProfile profile, bool identified) => new()
    {
        PartitionKey = profile.PersonKey.PartitionKey,
        RowKey = profile.PersonKey.Value,
        Profile = ProfileJson.Serialize(profile),
        BuiltFor = profile.BuiltFor.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        ResidenceDivision = profile.Residence?.Division.Value,
        RegistrationDivision = profile.Registration?.Division.Value,
        HouseholdKey = profile.HouseholdKey?.Value,
        Groups = string.Join(',', profile.GroupsActiveOn(profile.BuiltFor).Select(g => g.Value)),
        Identified = identified,
    };
}
