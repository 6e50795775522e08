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
            "text/csv" or "application/csv" => FeedFormat.Csv,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => FeedFormat.Xlsx,
            "application/json" => FeedFormat.Json,
            "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/jsonlines" => FeedFormat.Ndjson,
            _ => null,
        };
        // JSON is UTF-8 by definition and a workbook carries its own encoding; only CSV is read in another charset.
        var encoding = charset is null ? null : CharsetEncoding.Resolve(charset);
        if (format is null || (charset is not null && (encoding is null || (format != FeedFormat.Csv && encoding.CodePage != System.Text.Encoding.UTF8.CodePage))))
        {
            return false;
        }

        result = new FeedContentType(format.Value, charset);
        return true;
    }

    /// <summary>
    /// How the payload is read, as a short token for the idempotency key: the format and, for CSV, the encoding a
    /// declared charset selects (<c>gbk</c> and <c>gb18030</c> read alike). The same bytes pushed again with another type
    /// or charset are another feed, so a push that failed for a wrong type can be corrected.
    /// </summary>
    public string ReadingKey => Format switch
    {
        FeedFormat.Csv when Charset is not null && CharsetEncoding.Resolve(Charset) is { } encoding => "csv." + CharsetEncoding.DisplayName(encoding).ToLowerInvariant(),
        _ => Format.ToString().ToLowerInvariant(),
    };

    /// <summary>The canonical Content-Type to store with the archived payload.</summary>
    public override string ToString() => Format switch
    {
        FeedFormat.Csv => Charset is null ? "text/csv" : $"text/csv; charset={Charset}",
        FeedFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FeedFormat.Json => "application/json",
        _ => "application/x-ndjson",
    };
}
