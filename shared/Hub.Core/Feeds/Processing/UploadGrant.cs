using Hub.Core.Feeds.Batches;

namespace Hub.Core.Feeds.Processing;

/// <summary>An upload ticket and the write-only URL its file is uploaded to.</summary>
/// <param name="Ticket">What was declared, and until when the URL works.</param>
/// <param name="Url">The signed URL; a credential, never logged.</param>
public sealed record UploadGrant(UploadTicket Ticket, Uri Url);
