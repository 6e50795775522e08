using Hub.Core.Kernel;

namespace Hub.Core.Profiles;

/// <summary>
/// One person's golden profile, derived from every fact about them by the profile rules. It is never edited: when a
/// fact changes, the profile is built again, and the facts stay as each department sent them.
/// </summary>
public sealed record PersonProfile
{
    /// <summary>The person.</summary>
    public required PersonKey PersonKey { get; init; }

    /// <summary>The day the profile was built for: places are those current on it.</summary>
    public required DateOnly BuiltFor { get; init; }

    /// <summary>Attribute → surviving value with provenance and conflicts. Record and place attributes are not here.</summary>
    public IReadOnlyDictionary<string, AttributeValue> Attributes { get; init; } = new Dictionary<string, AttributeValue>();

    /// <summary>Every special-group membership, ended ones included, by group and start.</summary>
    public IReadOnlyList<Membership> Memberships { get; init; } = [];

    /// <summary>Where the person lives (居住地), from the most authoritative current fact; null when none gives it.</summary>
    public Place? Residence { get; init; }

    /// <summary>Where the person's household is registered (户籍地); null when no current fact gives it.</summary>
    public Place? Registration { get; init; }

    /// <summary>The household: from the household number (户号), else from the registration address.</summary>
    public HouseholdKey? HouseholdKey { get; init; }

    /// <summary>The relation to the head of the household (<c>head</c>, <c>spouse</c>, <c>child</c>…), when a source states it.</summary>
    public string? RelationToHead { get; init; }

    /// <summary>The status in the household register; null when no source states a known status.</summary>
    public PersonStatus? Status { get; init; }

    /// <summary>The date the register gives for a death (死亡日期) or a move out of the area (迁出日期); null when it gives none.</summary>
    public DateOnly? StatusDate { get; init; }

    /// <summary>
    /// The first day a <see cref="PersonStatus.Deceased"/> or <see cref="PersonStatus.MovedOut"/> status holds:
    /// <see cref="StatusDate"/>, or the day the register's record of it reached the Hub when it gives no date. Null
    /// for an active person and one whose status is unknown.
    /// </summary>
    public DateOnly? StatusSince { get; init; }

    /// <summary>Where the status comes from (source, batch, as-of day); null when no source states one.</summary>
    public Provenance? StatusProvenance { get; init; }

    /// <summary>The sources with facts about the person, in order.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>The other keys whose records belong to this person: records matched without an ID, persons merged in.</summary>
    public IReadOnlyList<PersonKey> LinkedKeys { get; init; } = [];

    /// <summary>True for a provisional person: records kept without a usable ID number and linked to nobody.</summary>
    public bool Provisional { get; init; }

    /// <summary>Facts that could not be read as the rules expect (e.g. a validity date that is not a date); no values quoted.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>True when the register records the person's death.</summary>
    public bool IsDeceased => Status == PersonStatus.Deceased;

    /// <summary>
    /// The status on <paramref name="day"/>: deceased or moved out from <see cref="StatusSince"/> on, active before it
    /// and whenever the register says so; null when no source states a status.
    /// </summary>
    public PersonStatus? StatusOn(DateOnly day) => Status switch
    {
        null => null,
        PersonStatus.Deceased or PersonStatus.MovedOut when StatusSince > day => PersonStatus.Active,
        var status => status,
    };

    /// <summary>The surviving value of <paramref name="attribute"/>, or null.</summary>
    public string? ValueOf(string attribute) => Attributes.TryGetValue(attribute, out var value) ? value.Value : null;

    /// <summary>The memberships active on <paramref name="date"/>.</summary>
    public IReadOnlyList<Membership> MembershipsActiveOn(DateOnly date) => Memberships.Where(m => m.IsActiveOn(date)).ToList();

    /// <summary>The groups the person belongs to on <paramref name="date"/>, each once, in order.</summary>
    public IReadOnlyList<GroupId> GroupsActiveOn(DateOnly date) =>
        Memberships.Where(m => m.IsActiveOn(date)).Select(m => m.Group).Distinct().OrderBy(g => g.Value, StringComparer.Ordinal).ToList();

    /// <summary>Whether the person belongs to <paramref name="group"/> on <paramref name="date"/>: the one answer to "is this person a 低保 recipient on that day".</summary>
    public bool IsInGroupOn(GroupId group, DateOnly date) => Memberships.Any(m => m.Group == group && m.IsActiveOn(date));

    /// <summary>Names the person by key only.</summary>
    public override string ToString() => $"Profile {PersonKey}";
}
