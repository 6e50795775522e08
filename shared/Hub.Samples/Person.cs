using Hub.Core.Kernel;

namespace Hub.Samples;

/// <summary>One fictional resident: the truth that departmental feeds are slices of.</summary>
public sealed record Person
{
    /// <summary>1-based number within the population; the truth key that feed rows point back to.</summary>
    public required int Number { get; init; }

    /// <summary>The valid 18-character ID number.</summary>
    public required ResidentId ResidentId { get; init; }

    /// <summary>The name in simplified characters, as the police register holds it.</summary>
    public required string Name { get; init; }

    /// <summary>A name used before, for the few who changed theirs.</summary>
    public string? FormerName { get; init; }

    /// <summary>Sex, consistent with the ID number's sequence digit.</summary>
    public required Sex Sex { get; init; }

    /// <summary>Birth date, consistent with the ID number.</summary>
    public required DateOnly BirthDate { get; init; }

    /// <summary>民族, e.g. 汉族.</summary>
    public required string Ethnicity { get; init; }

    /// <summary>A mobile number (11 digits) or a landline with area code; null for children and some elderly.</summary>
    public string? Phone { get; init; }

    /// <summary>户号, shared by the members of one household.</summary>
    public required string HouseholdNumber { get; init; }

    /// <summary>Relation to the head of the household.</summary>
    public required Relation RelationToHead { get; init; }

    /// <summary>Where the person's household is registered (户籍地).</summary>
    public required Place Registration { get; init; }

    /// <summary>Where the person lives (居住地).</summary>
    public required Place Residence { get; init; }

    /// <summary>When the person was registered at the current residence.</summary>
    public required DateOnly RegisteredOn { get; init; }

    /// <summary>The person number of a twin (same birth date, same address), if any.</summary>
    public int? TwinOf { get; init; }

    /// <summary>Social assistance from civil affairs, at most one per type.</summary>
    public IReadOnlyList<Assistance> Assistance { get; init; } = [];

    /// <summary>The disability certificate, if the person holds one.</summary>
    public Disability? Disability { get; init; }

    /// <summary>A public-housing tenancy in the person's name, if any.</summary>
    public Tenancy? Tenancy { get; init; }

    /// <summary>The day the person died, for the few who did in the three years before the reference date.</summary>
    public DateOnly? DiedOn { get; init; }

    /// <summary>
    /// True when the death came after the police register's snapshot was taken: the snapshot still shows the person
    /// as 正常 (active), and a later police delta reports the death (<see cref="SampleSet.WritePoliceDeltaAsync"/>).
    /// </summary>
    public bool DeathReportedLater { get; init; }

    /// <summary>The day the person moved out of the area (户口迁出, or a residence permit given up), for the few who did.</summary>
    public DateOnly? MovedOutOn { get; init; }

    /// <summary>True when the person lives somewhere other than where they are registered.</summary>
    public bool Moved => Residence.Division != Registration.Division;

    /// <summary>Age on <paramref name="date"/>.</summary>
    public int AgeOn(DateOnly date) => date.Year - BirthDate.Year - (date.DayOfYear < BirthDate.DayOfYear ? 1 : 0);

    /// <inheritdoc />
    public override string ToString() => $"Person {Number}";
}