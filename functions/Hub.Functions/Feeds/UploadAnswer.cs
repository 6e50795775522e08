namespace Hub.Functions.Feeds;

/// <summary>A write-only upload URL for one large feed, and where to say it is uploaded.</summary>
/// <param name="UploadId">The upload's id within the source.</param>
/// <param name="UploadUrl">Where to PUT the file (or its blocks): it may create and write this one file, nothing else, until <paramref name="ExpiresAt"/>. A credential: keep it out of logs.</param>
/// <param name="ExpiresAt">When the URL stops working.</param>
/// <param name="Headers">The headers the upload must carry (a plain PUT is a block blob).</param>
/// <param name="Batches">The route to POST to once the file is uploaded: the Hub then takes it as a batch.</param>
/// <param name="MaxBytes">The largest feed the Hub takes (Hub:Feeds:MaxPayloadBytes, counted after decompression).</param>
internal sealed record UploadAnswer(string UploadId, Uri UploadUrl, DateTimeOffset ExpiresAt, IReadOnlyDictionary<string, string> Headers, string Batches, long MaxBytes);
