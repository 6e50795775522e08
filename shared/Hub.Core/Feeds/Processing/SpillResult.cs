namespace Hub.Core.Feeds.Processing;

/// <summary>What the reading phase of a batch found, before any fact is merged.</summary>
internal sealed record SpillResult(long Received, long RejectedRows, long Unidentified, IReadOnlyList<Feeds.Rejection> FirstRejections, IReadOnlyList<string> IgnoredColumns, IReadOnlyList<LikelyCause> LikelyCauses);
