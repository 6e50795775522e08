using Hub.Core.Storage;

namespace Hub.Core.Exchange;

/// <summary>
/// A position the change feed keeps beside its events: the next free sequence (a hint, never ahead of the feed), the
/// first sequence still retained, or, in a batch's staging partition, where its events were published.
/// </summary>
internal sealed class FeedMarkEntity : StoredEntity
{
    public long Position { get; set; }

    public int Count { get; set; }

    public DateTimeOffset? At { get; set; }
}
