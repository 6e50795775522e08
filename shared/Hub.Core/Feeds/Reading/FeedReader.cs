using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace Hub.Core.Feeds.Reading;

/// <summary>Streams the rows of a feed file, whatever its format, without loading the file into memory.</summary>
public static class FeedReader
{
    private const int SniffBytes = 64 * 1024;

    /// <summary>
    /// Reads rows from <paramref name="stream"/>. XLSX needs a seekable stream (a workbook is a zip archive).
    /// A structural fault raises <see cref="FeedFormatException"/> with the row it broke at; a bad row is
    /// returned with its <see cref="FeedRow.Problem"/>.
    /// </summary>
    public static IAsyncEnumerable<FeedRow> ReadAsync(Stream stream, FeedContentType contentType, string configuredEncoding, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(contentType);
        return contentType.Format switch
        {
            FeedFormat.Csv => ReadCsvAsync(stream, contentType.Charset, configuredEncoding, cancellationToken),
            FeedFormat.Xlsx => ReadXlsxAsync(stream, cancellationToken),
            FeedFormat.Json => ReadJsonArrayAsync(stream, cancellationToken),
            _ => ReadNdjsonAsync(stream, cancellationToken),
        };
    }

    private static async IAsyncEnumerable<FeedRow> ReadCsvAsync(Stream stream, string? charset, string configuredEncoding, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffered = new BufferedStream(stream, SniffBytes);
        var head = new byte[SniffBytes];
        var read = await ReadHeadAsync(buffered, head, cancellationToken).ConfigureAwait(false);
        var encoding = CharsetEncoding.Detect(head.AsSpan(0, read), charset, configuredEncoding);
        var replay = new ConcatenatedStream(new MemoryStream(head, 0, read), buffered);
        using var text = new StreamReader(replay, encoding, detectEncodingFromByteOrderMarks: true);

        CsvDataReader csv;
        try
        {
            csv = await CsvDataReader.CreateAsync(text, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' }, cancellationToken).ConfigureAwait(false);
        }
        catch (CsvFormatException ex)
        {
            throw new FeedFormatException(1, "the header row of the CSV file cannot be read", ex);
        }

        await using var _ = csv.ConfigureAwait(false);
        var headers = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray();
        long row = 1;
        while (true)
        {
            bool more;
            try
            {
                more = await csv.ReadAsync(cancellationToken).ConfigureAwait(false);
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
            var count = csv.RowFieldCount;
            var values = new Dictionary<string, string?>(headers.Length, StringComparer.Ordinal);
            // Every header gets a key, null for a missing cell: the feed processor checks the header row against the
            // first row's keys, and a short first row must not make a complete header look incomplete.
            for (var i = 0; i < headers.Length; i++)
            {
                values[headers[i]] = i < count ? csv.GetString(i) : null;
            }

            if (count == 1 && string.IsNullOrWhiteSpace(csv.GetString(0)))
            {
                continue;
            }

            var problem = count == headers.Length
                ? null
                : string.Create(CultureInfo.InvariantCulture, $"row has {count} cells but the header has {headers.Length}");
            yield return new FeedRow(row, values, problem);
        }
    }

    private static async IAsyncEnumerable<FeedRow> ReadXlsxAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IEnumerable<IDictionary<string, object?>> rows;
        try
        {
            rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>();
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or IOException)
        {
            throw new FeedFormatException(1, "the file is not a readable XLSX workbook", ex);
        }

        using var enumerator = rows.GetEnumerator();
        long row = 1;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool more;
            try
            {
                more = enumerator.MoveNext();
            }
            catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or IOException or FormatException or System.Xml.XmlException)
            {
                throw new FeedFormatException(row + 1, $"the XLSX workbook is malformed at row {row + 1}", ex);
            }

            if (!more)
            {
                yield break;
            }

            row++;
            var values = enumerator.Current.ToDictionary(cell => cell.Key, cell => CellText(cell.Value), StringComparer.Ordinal);
            if (values.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            yield return new FeedRow(row, values);
            if (row % 1000 == 0)
            {
                await Task.Yield();
            }
        }
    }

    private static async IAsyncEnumerable<FeedRow> ReadJsonArrayAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: cancellationToken);
        await using var enumerator = elements.GetAsyncEnumerator(cancellationToken);
        long row = 0;
        while (true)
        {
            bool more;
            try
            {
                more = await enumerator.MoveNextAsync().ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                // DeserializeAsyncEnumerable parses a whole buffer of elements before it yields any, and the index in
                // the exception's path ($[n]) counts from the start of that buffer, not of the document.
                var broken = row + IndexInBuffer(ex.Path) + 1;
                throw new FeedFormatException(broken, $"the JSON document is malformed at element {broken} (line {ex.LineNumber + 1}); a feed is a JSON array of objects", ex);
            }

            if (!more)
            {
                yield break;
            }

            row++;
            yield return ObjectRow(row, enumerator.Current);
        }
    }

    private static async IAsyncEnumerable<FeedRow> ReadNdjsonAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        long row = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            row++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonElement element;
            try
            {
                using var document = JsonDocument.Parse(line);
                element = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                element = default;
            }

            yield return element.ValueKind == JsonValueKind.Undefined
                ? new FeedRow(row, new Dictionary<string, string?>(), "line is not valid JSON")
                : ObjectRow(row, element);
        }
    }

    private static long IndexInBuffer(string? path) =>
        path is not null && path.StartsWith("$[", StringComparison.Ordinal) && path.IndexOf(']', StringComparison.Ordinal) is > 2 and var end
        && long.TryParse(path.AsSpan(2, end - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : 0;

    private static FeedRow ObjectRow(long row, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new FeedRow(row, new Dictionary<string, string?>(), "record is not a JSON object");
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    values[property.Name] = value.GetString();
                    break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    values[property.Name] = value.GetRawText();
                    break;
                case JsonValueKind.Null:
                    values[property.Name] = null;
                    break;
                default:
                    return new FeedRow(row, values, $"property '{property.Name}' is an object or array, expected a plain value");
            }
        }

        return new FeedRow(row, values);
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

    private static async Task<int> ReadHeadAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
