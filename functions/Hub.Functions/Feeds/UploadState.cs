using Hub.Core.Feeds.Batches;

namespace Hub.Functions.Feeds;

/// <summary>Where a large-feed upload stands: what was declared, whether the file is there, and the batch it became.</summary>
/// <param name="UploadId">The upload's id within the source.</param>
/// <param name="Mode">Delta or snapshot, as declared.</param>
/// <param name="ContentType">The feed's media type, as declared.</param>
/// <param name="ContentEncoding">gzip or br for a compressed upload; null otherwise.</param>
/// <param name="ExpiresAt">When the upload URL stops working.</param>
/// <param name="UploadedBytes">The uploaded file's length; null while it is not uploaded (or already taken).</param>
/// <param name="BatchId">The batch the upload became; null until it is taken.</param>
/// <param name="Batches">The route that takes the uploaded file as a batch.</param>
internal sealed record UploadState(string UploadId, FeedMode Mode, string ContentType, string? ContentEncoding, DateTimeOffset ExpiresAt, long? UploadedBytes, string? BatchId, string Batches);
