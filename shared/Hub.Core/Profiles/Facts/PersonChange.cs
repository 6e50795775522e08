namespace Hub.Core.Profiles.Facts;

/// <summary>A person whose facts a batch changed.</summary>
/// <param name="Rows">Their rows as they stand after the merge: facts and resolution rows.</param>
/// <param name="Before">Their facts before the merge (empty for a new person).</param>
/// <param name="After">Their facts after the merge.</param>
internal sealed record PersonChange(PersonRows Rows, IReadOnlyList<FactView> Before, IReadOnlyList<FactView> After);
