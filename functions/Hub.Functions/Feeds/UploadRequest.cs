namespace Hub.Functions.Feeds;

/// <summary>What a large feed will be, declared when its upload URL is asked for (what a push says in its headers and query).</summary>
/// <param name="ContentType">The feed's media type, as a push's Content-Type: e.g. <c>text/csv; charset=gb18030</c>.</param>
/// <param name="Mode"><c>delta</c> (the default) or <c>snapshot</c>.</param>
/// <param name="ContentEncoding"><c>gzip</c> or <c>br</c> when the file is uploaded compressed; none when it is not.</param>
/// <param name="Length">The file's length in bytes, when known: a file over the limit is refused before it is uploaded.</param>
internal sealed record UploadRequest(string? ContentType, string? Mode, string? ContentEncoding, long? Length);
