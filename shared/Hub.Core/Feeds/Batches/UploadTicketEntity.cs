using Hub.Core.Feeds.Reading;
using Hub.Core.Storage;

namespace Hub.Core.Feeds.Batches;

/// <summary>An upload ticket as a row of the batches table: partition <c>upload|source</c>, row = upload id.</summary>
internal sealed class UploadTicketEntity : StoredEntity
{
    public const string PartitionPrefix = "upload|";

    public string Mode { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public string? ContentEncoding { get; set; }

    public string RequestedBy { get; set; } = string.Empty;

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public string? BatchId { get; set; }

    public static UploadTicketEntity From(UploadTicket ticket) => new()
    {
        PartitionKey = PartitionPrefix + ticket.Source,
        RowKey = ticket.Id.Value,
        Mode = ticket.Mode.ToString(),
        ContentType = ticket.ContentType.ToString(),
        ContentEncoding = ticket.ContentEncoding,
        RequestedBy = ticket.RequestedBy,
        RequestedAt = ticket.RequestedAt,
        ExpiresAt = ticket.ExpiresAt,
        BatchId = ticket.BatchId,
    };

    public UploadTicket? ToTicket() =>
        UploadId.TryParse(RowKey, out var id) && FeedContentType.TryParse(ContentType, out var type) && Enum.TryParse<FeedMode>(Mode, out var mode)
            ? new UploadTicket(PartitionKey[PartitionPrefix.Length..], id, mode, type, ContentEncoding, RequestedBy, RequestedAt, ExpiresAt, BatchId)
            : null;
}
