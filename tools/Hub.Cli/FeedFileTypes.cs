namespace Hub.Cli;

/// <summary>The media type the Hub expects for a feed file, inferred from its extension.</summary>
internal static class FeedFileTypes
{
    public const string Csv = "text/csv";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Json = "application/json";
    public const string Ndjson = "application/x-ndjson";

    /// <summary>The content type for <paramref name="path"/>, or null when the extension says nothing the Hub reads.</summary>
    public static string? Infer(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => Csv,
        ".xlsx" => Xlsx,
        ".json" => Json,
        ".ndjson" or ".jsonl" => Ndjson,
        _ => null,
    };
}
