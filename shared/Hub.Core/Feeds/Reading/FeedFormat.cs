namespace Hub.Core.Feeds.Reading;

/// <summary>The file formats a feed can arrive in.</summary>
public enum FeedFormat
{
    /// <summary>Comma-separated values with a header row, UTF-8 (with or without BOM) or GB18030.</summary>
    Csv = 1,

    /// <summary>An Excel workbook; the first sheet with a header row.</summary>
    Xlsx,

    /// <summary>A JSON array of objects.</summary>
    Json,

    /// <summary>One JSON object per line.</summary>
    Ndjson,
}
