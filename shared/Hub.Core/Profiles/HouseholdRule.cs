namespace Hub.Core.Profiles;

/// <summary>
/// Where a person's household comes from: the household number (户号) and the relation to the head are ordinary
/// attributes with their own survivorship; without a number, the registration place's address stands in.
/// </summary>
public sealed record HouseholdRule
{
    /// <summary>The attribute holding the household number (户号).</summary>
    public string Number { get; init; } = "householdNumber";

    /// <summary>The attribute holding the relation to the head of the household.</summary>
    public string Relation { get; init; } = "relationToHead";
}
