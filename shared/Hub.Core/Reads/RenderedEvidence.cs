namespace Hub.Core.Reads;

/// <summary>A fact behind a worklist item as a user may see it: where it comes from, and its values as the policy renders them.</summary>
/// <param name="Kind"><c>status</c>, <c>membership</c>, <c>household</c> or <c>householdMember</c>.</param>
/// <param name="Source">The source that stated the fact; empty when only the resident index knows it.</param>
/// <param name="Batch">The batch that last changed it; empty when unknown.</param>
/// <param name="AsOf">The day the Hub last changed it; null when unknown.</param>
/// <param name="Group">The membership's group as the policy renders it (<c>***</c> when masked); null when none or hidden.</param>
/// <param name="Member">Another household member's person key; null otherwise.</param>
/// <param name="Attributes">Attribute → value, hidden ones absent and masked ones masked.</param>
public sealed record RenderedEvidence(
    string Kind,
    string Source,
    string Batch,
    DateOnly? AsOf,
    string? Group,
    string? Member,
    IReadOnlyDictionary<string, string> Attributes);
