using System.Globalization;
using System.Runtime.CompilerServices;
using MiniExcelLibs;

namespace Hub.Core.Feeds.Reading;

/// <summary>
/// Reads the first sheet of an XLSX workbook (or a named one, for tools). Rows are read by column letter and the header
/// is taken from row 1 here, not by MiniExcel's header mode, which keys a row by header text and so lets a repeated
/// header overwrite the first.
/// </summary>
internal static class XlsxFeedReader
{
    /// <summary>The names of the workbook's sheets, in order.</summary>
    public static IReadOnlyList<string> SheetNames(Stream stream)
    {
        try
        {
            return MiniExcel.GetSheetNames(stream);
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or IOException or System.Xml.XmlException)
        {
            throw new FeedFormatException(1, "the file is not a readable XLSX workbook", ex);
        }
    }

    public static async IAsyncEnumerable<FeedRow> ReadAsync(Stream stream, Action<IReadOnlyList<string>>? onHeader, [EnumeratorCancellation] CancellationToken cancellationToken, string? sheet = null)
    {
        var peeked = await PeekedStream.ReadAsync(stream, FeedSniffer.HeadBytes, cancellationToken).ConfigureAwait(false);
        var looksLike = FeedSniffer.Describe(peeked.Head.Span);
        if (!peeked.Head.Span.StartsWith("PK\u0003\u0004"u8))
        {
            throw new FeedFormatException(1, $"the file is not a readable XLSX workbook: {(looksLike is null ? "a workbook is a ZIP archive, and this body is not one" : $"it looks like {looksLike}")}");
        }

        stream.Position = 0;
        IEnumerator<IDictionary<string, object?>> rows;
        try
        {
            rows = MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().GetEnumerator();
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or IOException)
        {
            throw new FeedFormatException(1, "the file is not a readable XLSX workbook", ex);
        }

        using var enumerator = rows;
        long row = 0;
        (string Letter, string Name)[] header = [];
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!Next(enumerator, row))
            {
                break;
            }

            row++;
            var cells = enumerator.Current;
            if (row == 1)
            {
                header = [.. cells.Select(c => (c.Key, CellText(c.Value) ?? string.Empty))];
                if (header.All(h => string.IsNullOrWhiteSpace(h.Name)))
                {
                    throw NoHeader(enumerator, row);
                }

                onHeader?.Invoke([.. header.Select(h => h.Name)]);
                continue;
            }

            var values = new Dictionary<string, string?>(header.Length, StringComparer.Ordinal);
            long length = 0;
            foreach (var (letter, name) in header)
            {
                var text = cells.TryGetValue(letter, out var value) ? CellText(value) : null;
                values[name] = text;
                length += text?.Length ?? 0;
            }

            if (values.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            yield return length > FeedLimits.MaxRowCharacters
                ? new FeedRow(row, new Dictionary<string, string?>(), FeedReader.RowTooLong(length))
                : new FeedRow(row, values);
            if (row % 1000 == 0)
            {
                await Task.Yield();
            }
        }

        if (row == 0)
        {
            throw new FeedFormatException(1, "the workbook's first sheet is empty: it has no header row");
        }
    }

    private static bool Next(IEnumerator<IDictionary<string, object?>> enumerator, long row)
    {
        try
        {
            return enumerator.MoveNext();
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or IOException or FormatException or System.Xml.XmlException)
        {
            throw new FeedFormatException(row + 1, $"the XLSX workbook is malformed at row {row + 1}", ex);
        }
    }

    private static FeedFormatException NoHeader(IEnumerator<IDictionary<string, object?>> enumerator, long row)
    {
        while (Next(enumerator, row))
        {
            row++;
            if (!enumerator.Current.Values.All(v => string.IsNullOrWhiteSpace(CellText(v))))
            {
                return new FeedFormatException(1, string.Create(CultureInfo.InvariantCulture, $"the sheet has no header: row 1 is blank, and the header must be the first row (the first row with content is row {row})"));
            }
        }

        return new FeedFormatException(1, "the sheet has no header: it holds only blank rows");
    }

    private static string? CellText(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),

        // A number of 16 or more digits has already lost digits in the workbook (Excel keeps 15); show it the way
        // Excel does, so an ID number stored as a number is rejected as mangled rather than silently rounded.
        double d when Math.Abs(d) >= 1e15 => d.ToString("0.#####E+0", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
