using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Sylvan.Data.Csv;

namespace Hub.Core.Feeds.Reading;

/// <summary>Reads CSV: sniffs the body and its encoding, checks the header row, then streams rows.</summary>
internal static class CsvFeedReader
{
    public static async IAsyncEnumerable<FeedRow> ReadAsync(Stream stream, string? charset, string configuredEncoding, Action<IReadOnlyList<string>>? onHeader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var peeked = await PeekedStream.ReadAsync(stream, CharsetEncoding.SniffBytes, cancellationToken).ConfigureAwait(false);
        if (FeedSniffer.Describe(peeked.Head.Span) is { } looksLike)
        {
            throw new FeedFormatException(1, $"the body is not CSV: it looks like {looksLike}");
        }

        var (encoding, why) = CharsetEncoding.Choose(peeked.Head.Span, charset, configuredEncoding);
        using var text = new StreamReader(peeked.Replay, CharsetEncoding.ForReading(encoding), detectEncodingFromByteOrderMarks: true);
        var csv = await OpenAsync(text, cancellationToken).ConfigureAwait(false);
        await using var _ = csv.ConfigureAwait(false);
        var headers = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray();
        if (headers.All(string.IsNullOrWhiteSpace))
        {
            throw await NoHeaderAsync(csv, cancellationToken).ConfigureAwait(false);
        }

        if (headers.Any(h => h.Contains(CharsetEncoding.InvalidBytesMarker, StringComparison.Ordinal)))
        {
            throw new FeedFormatException(1, MisdecodedHeader.Explain(peeked.Head.Span, encoding, why) ?? $"the header row holds bytes that are not valid {Unreadable(encoding, why)}");
        }

        try
        {
            onHeader?.Invoke(headers);
        }
        catch (FeedFormatException ex) when (MisdecodedHeader.Explain(peeked.Head.Span, encoding, why) is { } garbled)
        {
            throw new FeedFormatException(1, $"{garbled} ({ex.Message})", ex);
        }

        long row = 1;
        while (true)
        {
            bool more;
            try
            {
                more = await csv.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (CsvRecordTooLargeException ex)
            {
                throw new FeedFormatException(row + 1, string.Create(CultureInfo.InvariantCulture, $"row {row + 1} is longer than {FeedLimits.MaxRowCharacters:N0} characters, the most a row may be (is a quote left unclosed?); nothing after it can be read"), ex);
            }
            catch (CsvFormatException ex)
            {
                throw new FeedFormatException(row + 1, $"the CSV file is malformed at row {row + 1} (e.g. an unclosed quote); nothing after it can be read", ex);
            }

            if (!more)
            {
                yield break;
            }

            row++;
            if (IsBlank(csv))
            {
                continue;
            }

            yield return Row(csv, headers, row, encoding, why);
        }
    }

    private static FeedRow Row(CsvDataReader csv, string[] headers, long row, Encoding encoding, string why)
    {
        var count = csv.RowFieldCount;
        var values = new Dictionary<string, string?>(headers.Length, StringComparer.Ordinal);
        string? unreadable = null;

        // Every header gets a key, null for a missing cell, so a short row still shows the whole header.
        for (var i = 0; i < headers.Length; i++)
        {
            var value = i < count ? csv.GetString(i) : null;
            values[headers[i]] = value;
            if (unreadable is null && value is not null && value.Contains(CharsetEncoding.InvalidBytesMarker, StringComparison.Ordinal))
            {
                unreadable = headers[i];
            }
        }

        if (unreadable is not null)
        {
            return new FeedRow(row, values, $"the cell holds bytes that are not valid {Unreadable(encoding, why)}", FeedLimits.ColumnName(unreadable));
        }

        return count == headers.Length
            ? new FeedRow(row, values)
            : new FeedRow(row, values, string.Create(CultureInfo.InvariantCulture, $"row has {count} cells but the header has {headers.Length}"));
    }

    private static string Unreadable(Encoding encoding, string why)
    {
        var name = CharsetEncoding.DisplayName(encoding);
        var hint = encoding.CodePage == Encoding.UTF8.CodePage
            ? "; the bytes are not UTF-8: is the file GB18030? Push it with charset=gb18030, or with no charset to let the Hub tell"
            : "; is the file damaged, or in another encoding?";
        return $"{name} (the file is read as {name} because {why}){hint}";
    }

    private static async Task<CsvDataReader> OpenAsync(TextReader text, CancellationToken cancellationToken)
    {
        var options = new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',', MaxBufferSize = FeedLimits.MaxRowCharacters };
        try
        {
            return await CsvDataReader.CreateAsync(text, options, cancellationToken).ConfigureAwait(false);
        }
        catch (CsvMissingHeadersException ex)
        {
            throw new FeedFormatException(1, "the file is empty: it has no header row", ex);
        }
        catch (CsvRecordTooLargeException ex)
        {
            throw new FeedFormatException(1, string.Create(CultureInfo.InvariantCulture, $"the header row is longer than {FeedLimits.MaxRowCharacters:N0} characters, the most a row may be (is a quote left unclosed?)"), ex);
        }
        catch (CsvFormatException ex)
        {
            throw new FeedFormatException(1, "the header row of the CSV file cannot be read", ex);
        }
    }

    private static async Task<FeedFormatException> NoHeaderAsync(CsvDataReader csv, CancellationToken cancellationToken)
    {
        long row = 1;
        try
        {
            while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                row++;
                if (!IsBlank(csv))
                {
                    return new FeedFormatException(1, string.Create(CultureInfo.InvariantCulture, $"the file has no header: row 1 is blank, and the header must be the first row (the first row with content is row {row})"));
                }
            }
        }
        catch (CsvFormatException ex)
        {
            return new FeedFormatException(1, "the file has no header: row 1 is blank, and the header must be the first row", ex);
        }

        return new FeedFormatException(1, "the file has no header: it holds only blank lines");
    }

    private static bool IsBlank(CsvDataReader csv) =>
        Enumerable.Range(0, csv.RowFieldCount).All(i => string.IsNullOrWhiteSpace(csv.GetString(i)));
}
