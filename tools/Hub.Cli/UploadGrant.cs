namespace Hub.Cli;

/// <summary>The Hub's answer to a request for an upload URL (<c>POST /api/feeds/{source}/uploads</c>).</summary>
/// <param name="UploadId">The upload's id.</param>
/// <param name="UploadUrl">The write-only URL for the file; a credential, never printed.</param>
/// <param name="ExpiresAt">When the URL stops working.</param>
/// <param name="Batches">The route that takes the uploaded file as a batch.</param>
internal sealed record UploadGrant(string UploadId, Uri UploadUrl, DateTimeOffset ExpiresAt, string Batches);
