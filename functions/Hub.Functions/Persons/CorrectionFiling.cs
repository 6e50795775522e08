namespace Hub.Functions.Persons;

/// <summary>The body of a correction request: the person (ID number or key), the attribute, the right value and why.</summary>
/// <param name="ResidentId">The resident's ID number; or give <paramref name="PersonKey"/>.</param>
/// <param name="PersonKey">The person key; or give <paramref name="ResidentId"/>.</param>
/// <param name="Attribute">The attribute to correct, e.g. <c>phone</c> or <c>residenceAddress</c>.</param>
/// <param name="ProposedValue">The value the resident says is right.</param>
/// <param name="Reason">Why, e.g. the document the resident showed.</param>
internal sealed record CorrectionFiling(string? ResidentId, string? PersonKey, string? Attribute, string? ProposedValue, string? Reason);
