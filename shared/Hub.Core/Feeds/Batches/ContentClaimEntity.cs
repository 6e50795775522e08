using Hub.Core.Storage;

namespace Hub.Core.Feeds.Batches;

/// <summary>The content index: the batch that first carried a payload, under <c>content|source</c> and the payload's key.</summary>
internal sealed class ContentClaimEntity : StoredEntity
{
    /// <summary>The batch that claimed the payload.</summary>
    public string BatchId { get; set; } = string.Empty;
}
