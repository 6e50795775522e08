namespace Hub.Core.Profiles;

/// <summary>Where a profile value comes from: the source, the batch that last changed the fact, and as of when.</summary>
/// <param name="Source">The source id, e.g. <c>police</c>.</param>
/// <param name="Batch">The batch that last changed the fact.</param>
/// <param name="AsOf">The day the Hub last changed the fact, in the Hub's calendar.</param>
public sealed record Provenance(string Source, string Batch, DateOnly AsOf);
