namespace Hub.Core.Profiles.Facts;

/// <summary>Which batch merges records into the fact table, and how.</summary>
/// <param name="Source">The source whose facts the records are.</param>
/// <param name="BatchId">The batch; a resumed batch recognises its own earlier writes by it.</param>
/// <param name="Snapshot">True when the records are the source's whole register, so a fact they no longer hold is end-dated.</param>
internal sealed record FactMerge(string Source, string BatchId, bool Snapshot);
