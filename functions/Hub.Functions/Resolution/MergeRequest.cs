namespace Hub.Functions.Resolution;

/// <summary>The body of a merge: the person merged <paramref name="From"/>, and the person kept <paramref name="Into"/>.</summary>
/// <param name="From">The key whose records move into the other person's profile.</param>
/// <param name="Into">The person kept.</param>
/// <param name="Reason">Why; required when both have valid ID numbers.</param>
internal sealed record MergeRequest(string? From, string? Into, string? Reason);
