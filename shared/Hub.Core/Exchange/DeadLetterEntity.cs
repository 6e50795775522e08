using Hub.Core.Storage;

namespace Hub.Core.Exchange;

/// <summary>
/// A delivery given up after its last attempt, as table <c>deliveries</c> stores it: partition the subscription id,
/// row <c>dead|{first sequence}</c>. It names the feed range, never the events' content, which stays in the feed.
/// </summary>
internal sealed class DeadLetterEntity : StoredEntity
{
    public const string RowPrefix = "dead|";

    public string Holder { get; set; } = string.Empty;

    public long First { get; set; }

    public long Last { get; set; }

    public int Events { get; set; }

    public int Attempts { get; set; }

    public string Reason { get; set; } = string.Empty;

    public DateTimeOffset ParkedAt { get; set; }

    public DateTimeOffset? RedriveRequestedAt { get; set; }
}
