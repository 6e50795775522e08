namespace Hub.Core.Feeds.Processing;

/// <summary>The queue message that asks for a batch to be processed.</summary>
/// <param name="Source">The source id.</param>
/// <param name="BatchId">The batch id.</param>
public sealed record FeedBatchMessage(string Source, string BatchId);
