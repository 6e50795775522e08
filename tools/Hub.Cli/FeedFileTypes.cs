namespace Hub.Cli;

/// <summary>The media type the Hub expects for a feed file, inferred from its extension.</summary>
internal static class FeedFileTypes
{
    public const string Csv = "text/csv";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Json = "application/json";
    public const string Ndjson = "application/x-ndjson";

    /// <summary>Whether the file is gzip-compressed (<c>.gz</c>): push sends it as it is, with <c>Content-Encoding: gzip</c>.</summary>
    public static bool IsGzip(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The content type for <paramref name="path"/> (of the file inside, for a <c>.gz</c>), or null when the extension
    /// says nothing the Hub reads.
    /// </summary>
    public static string? Infer(string path) => Path.GetExtension(IsGzip(path) ? path[..^3] : path).ToLowerInvariant() switch
    {
        ".csv" => Csv,
        ".xlsx" => Xlsx,
        ".json" => Json,
        ".ndjson" or ".jsonl" => Ndjson,
        _ => null,
    };
}
