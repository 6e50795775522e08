using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;

namespace Hub.Core.Feeds.Reading;

/// <summary>A feed's format and, for CSV, the charset its sender declared.</summary>
/// <param name="Format">The file format.</param>
/// <param name="Charset">The declared charset, lower-case; null when none was declared.</param>
public sealed record FeedContentType(FeedFormat Format, string? Charset)
{
    /// <summary>The media types the Hub accepts, for error messages and the API description.</summary>
    public static readonly IReadOnlyList<string> Supported =
    [
        "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/json", "application/x-ndjson",
    ];

    /// <summary>Reads a Content-Type header value; false for a media type the Hub does not take.</summary>
    public static bool TryParse(string? contentType, [NotNullWhen(true)] out FeedContentType? result)
    {
        result = null;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var header) || header.MediaType is null)
        {
            return false;
        }

        var charset = header.CharSet?.Trim('"').ToLowerInvariant();
        FeedFormat? format = header.MediaType.ToLowerInvariant() switch
        {
            "text/csv" or "application/csv" or "text/plain" => FeedFormat.Csv,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => FeedFormat.Xlsx,
            "application/json" => FeedFormat.Json,
            "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/jsonlines" => FeedFormat.Ndjson,
            _ => null,
        };
        if (format is null || (charset is not null && CharsetEncoding.Resolve(charset) is null))
        {
            return false;
        }

        result = new FeedContentType(format.Value, charset);
        return true;
    }

    /// <summary>The canonical Content-Type to store with the archived payload.</summary>
    public override string ToString() => Format switch
    {
        FeedFormat.Csv => Charset is null ? "text/csv" : $"text/csv; charset={Charset}",
        FeedFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FeedFormat.Json => "application/json",
        _ => "application/x-ndjson",
    };
}
