namespace Hub.Core.Audit;

/// <summary>A place in the chain: just after event <paramref name="Sequence"/>, which is stored in day partition <paramref name="Partition"/>.</summary>
internal sealed record ChainCursor(string Partition, long Sequence);
