using System.Globalization;

namespace Hub.Core.Feeds.Reading;

/// <summary>Streams the rows of a feed file, whatever its format, without loading the file into memory.</summary>
public static class FeedReader
{
    /// <summary>Reads rows from <paramref name="stream"/>; see the overload that also reports the header row.</summary>
    public static IAsyncEnumerable<FeedRow> ReadAsync(Stream stream, FeedContentType contentType, string configuredEncoding, CancellationToken cancellationToken = default) =>
        ReadAsync(stream, contentType, configuredEncoding, onHeader: null, cancellationToken);

    /// <summary>
    /// Reads rows from <paramref name="stream"/>. XLSX needs a seekable stream (a workbook is a zip archive). For CSV
    /// and XLSX, <paramref name="onHeader"/> is given the header row's columns, as sent and in order, before any row
    /// and even when no row follows; it may throw <see cref="FeedFormatException"/> to stop the file there.
    /// A structural fault (a body that is not the declared format, no header, an unclosed quote) raises
    /// <see cref="FeedFormatException"/> with the row it broke at; a bad row is returned with its
    /// <see cref="FeedRow.Problem"/>.
    /// </summary>
    public static IAsyncEnumerable<FeedRow> ReadAsync(Stream stream, FeedContentType contentType, string configuredEncoding, Action<IReadOnlyList<string>>? onHeader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(contentType);
        return contentType.Format switch
        {
            FeedFormat.Csv => CsvFeedReader.ReadAsync(stream, contentType.Charset, configuredEncoding, onHeader, cancellationToken),
            FeedFormat.Xlsx => XlsxFeedReader.ReadAsync(stream, onHeader, cancellationToken),
            FeedFormat.Json => JsonFeedReader.ReadArrayAsync(stream, cancellationToken),
            _ => JsonFeedReader.ReadLinesAsync(stream, cancellationToken),
        };
    }

    /// <summary>
    /// Reads the rows of the sheet named <paramref name="sheet"/> of an XLSX workbook, exactly as <see cref="ReadAsync(Stream, FeedContentType, string, Action{IReadOnlyList{string}}?, CancellationToken)"/>
    /// reads the first. The Hub itself reads only the first sheet; a tool looking at a workbook before it is pushed may read another.
    /// </summary>
    public static IAsyncEnumerable<FeedRow> ReadSheetAsync(Stream stream, string sheet, Action<IReadOnlyList<string>>? onHeader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(sheet);
        return XlsxFeedReader.ReadAsync(stream, onHeader, cancellationToken, sheet);
    }

    /// <summary>The names of an XLSX workbook's sheets, in order (a seekable stream); <see cref="FeedFormatException"/> when it is not a workbook.</summary>
    public static IReadOnlyList<string> SheetNames(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return XlsxFeedReader.SheetNames(stream);
    }

    /// <summary>The problem of a row longer than <see cref="FeedLimits.MaxRowCharacters"/>.</summary>
    internal static string RowTooLong(long length) =>
        string.Create(CultureInfo.InvariantCulture, $"the row is {length:N0} characters long; the most a row may be is {FeedLimits.MaxRowCharacters:N0}");
}
