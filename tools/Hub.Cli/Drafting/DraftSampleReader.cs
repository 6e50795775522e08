using System.Text;
using Hub.Core.Feeds.Reading;

namespace Hub.Cli.Drafting;

/// <summary>
/// Reads a sample export with the Hub's own readers (<see cref="FeedReader"/>), so the draft sees the columns, the
/// decoded text and the cell values exactly as the Hub would. A whole-file fault raises <see cref="FeedFormatException"/>,
/// whose message never quotes a value.
/// </summary>
internal static class DraftSampleReader
{
    public static async Task<DraftSample> ReadAsync(FileInfo file, FeedContentType contentType, string? sheet, int limit, CancellationToken cancellationToken)
    {
        var (reading, charset) = contentType.Format switch
        {
            FeedFormat.Csv => await DescribeCsvAsync(file, contentType, cancellationToken).ConfigureAwait(false),
            FeedFormat.Xlsx => (sheet is null ? "XLSX, its first sheet" : $"XLSX, sheet '{sheet}' (the Hub reads only a workbook's first sheet: push this sheet as a workbook or CSV of its own)", null),
            FeedFormat.Json => ("a JSON array of records", null),
            _ => ("NDJSON, one record a line", (string?)null),
        };

        var columns = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<IReadOnlyDictionary<string, string?>>();
        var nested = new Dictionary<string, int>(StringComparer.Ordinal);
        long unreadable = 0;
        var truncated = false;
        void Column(string name)
        {
            if (known.Add(name))
            {
                columns.Add(name);
            }
        }

        await using var stream = await ValidateCommand.OpenAsync(file, contentType, cancellationToken).ConfigureAwait(false);
        var read = sheet is null
            ? FeedReader.ReadAsync(stream, contentType, "auto", header => header.ToList().ForEach(Column), cancellationToken)
            : FeedReader.ReadSheetAsync(stream, sheet, header => header.ToList().ForEach(Column), cancellationToken);
        await foreach (var row in read.ConfigureAwait(false))
        {
            if (rows.Count + unreadable == limit)
            {
                truncated = true;
                break;
            }

            // A row the Hub cannot read as a record (bytes of another encoding, a wrong number of cells) says nothing reliable.
            if (row.Problem is not null && row.NestedKeys.Count == 0)
            {
                unreadable++;
                continue;
            }

            foreach (var key in row.Values.Keys.Concat(row.NestedKeys))
            {
                Column(key);
            }

            foreach (var key in row.NestedKeys)
            {
                nested[key] = nested.GetValueOrDefault(key) + 1;
            }

            rows.Add(row.Values);
        }

        return new DraftSample(file.Name, contentType.Format, reading, charset, sheet, columns, rows, nested, unreadable, truncated);
    }

    /// <summary>The sheets of a workbook, to check a <c>--sheet</c> before reading it.</summary>
    public static async Task<IReadOnlyList<string>> SheetNamesAsync(FileInfo file, FeedContentType contentType, CancellationToken cancellationToken)
    {
        await using var stream = await ValidateCommand.OpenAsync(file, contentType, cancellationToken).ConfigureAwait(false);
        if (stream.CanSeek)
        {
            return FeedReader.SheetNames(stream);
        }

        using var workbook = new MemoryStream();
        await stream.CopyToAsync(workbook, cancellationToken).ConfigureAwait(false);
        workbook.Position = 0;
        return FeedReader.SheetNames(workbook);
    }

    /// <summary>The encoding the Hub would read the CSV file in and why, as the Hub chooses it: a declared charset, a BOM, then its guess.</summary>
    private static async Task<(string Reading, string? Charset)> DescribeCsvAsync(FileInfo file, FeedContentType contentType, CancellationToken cancellationToken)
    {
        var head = new byte[CharsetEncoding.SniffBytes];
        var length = 0;
        await using (var stream = await ValidateCommand.OpenAsync(file, contentType, cancellationToken).ConfigureAwait(false))
        {
            int count;
            while (length < head.Length && (count = await stream.ReadAsync(head.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += count;
            }
        }

        var bytes = head.AsSpan(0, length);
        var utf8 = CharsetEncoding.Detect(bytes, contentType.Charset, "auto").CodePage == Encoding.UTF8.CodePage;
        var why = contentType.Charset is not null ? $"--charset is {contentType.Charset}"
            : bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? "it starts with a UTF-8 byte order mark"
            : utf8 ? "its first 64 KB are valid UTF-8" : "its first 64 KB are not valid UTF-8";
        return ($"CSV, read as {(utf8 ? "UTF-8" : "GB18030")} because {why}", utf8 ? "utf-8" : "gb18030");
    }
}
