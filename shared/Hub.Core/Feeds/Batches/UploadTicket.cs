using Hub.Core.Feeds.Reading;

namespace Hub.Core.Feeds.Batches;

/// <summary>A large feed a department was given an upload URL for: what it declared, until when it may upload, and the batch it became.</summary>
/// <param name="Source">The source id.</param>
/// <param name="Id">The upload id.</param>
/// <param name="Mode">Delta or snapshot, as declared when the URL was asked for.</param>
/// <param name="ContentType">Format and charset, as declared.</param>
/// <param name="ContentEncoding">gzip or br when the file is uploaded compressed; null when it is not.</param>
/// <param name="RequestedBy">The client that asked for the URL.</param>
/// <param name="RequestedAt">When the URL was made.</param>
/// <param name="ExpiresAt">When the URL stops working.</param>
/// <param name="BatchId">The batch the upload became; null until the Hub has taken it.</param>
public sealed record UploadTicket(
    string Source,
    UploadId Id,
    FeedMode Mode,
    FeedContentType ContentType,
    string? ContentEncoding,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset ExpiresAt,
    string? BatchId = null);
