namespace Hub.Functions.Resolution;

/// <summary>The body of a steward's decision.</summary>
/// <param name="PersonKey">For a link: the person the record belongs to.</param>
/// <param name="Reason">Why; required to merge two persons who both have valid ID numbers.</param>
internal sealed record StewardDecision(string? PersonKey, string? Reason);
