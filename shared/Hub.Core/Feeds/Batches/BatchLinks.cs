namespace Hub.Core.Feeds.Batches;

/// <summary>Links from a batch report.</summary>
/// <param name="Self">The batch report.</param>
/// <param name="Rejects">The full rejection report as CSV.</param>
public sealed record BatchLinks(string Self, string Rejects);
