using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Hub.Core.Feeds.Reading;

/// <summary>
/// Reads a JSON array of objects or NDJSON. The first record decides whether the body has the right shape: a body
/// whose first record is not an object fails whole, saying what it is; a later record that is not one is rejected on
/// its own.
/// </summary>
internal static class JsonFeedReader
{
    private const string NotUtf8 = "the record holds bytes that are not valid UTF-8 (JSON is always UTF-8); is the file GB18030?";

    public static async IAsyncEnumerable<FeedRow> ReadArrayAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var peeked = await PeekedStream.ReadAsync(stream, FeedSniffer.HeadBytes, cancellationToken).ConfigureAwait(false);
        var start = FeedSniffer.Content(peeked.Head.Span);
        if (start.IsEmpty || start[0] != (byte)'[')
        {
            throw new FeedFormatException(1, $"the body is not a JSON array of objects: {DescribeNonArray(peeked.Head.Span, whole: peeked.Head.Length < FeedSniffer.HeadBytes)}");
        }

        var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(peeked.Replay, cancellationToken: cancellationToken);
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
            var element = enumerator.Current;
            if (row == 1 && element.ValueKind != JsonValueKind.Object)
            {
                throw new FeedFormatException(1, $"the body is not a JSON array of objects: its first element is {Kind(element.ValueKind)}");
            }

            yield return ObjectRow(row, element);
        }
    }

    public static async IAsyncEnumerable<FeedRow> ReadLinesAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var peeked = await PeekedStream.ReadAsync(stream, FeedSniffer.HeadBytes, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(peeked.Replay, CharsetEncoding.ForReading(Encoding.UTF8), detectEncodingFromByteOrderMarks: true);
        long row = 0;
        var first = true;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            row++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (first)
            {
                first = false;
                if (!line.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal))
                {
                    throw new FeedFormatException(row, $"the body is not NDJSON (one JSON object per line): {DescribeNonObjectLine(peeked.Head.Span, line, row)}");
                }
            }

            yield return LineRow(row, line);
        }

        if (first)
        {
            throw new FeedFormatException(1, "the body holds no records: it has only blank lines");
        }
    }

    private static FeedRow LineRow(long row, string line)
    {
        if (line.Length > FeedLimits.MaxRowCharacters)
        {
            return new FeedRow(row, new Dictionary<string, string?>(), FeedReader.RowTooLong(line.Length));
        }

        if (line.Contains(CharsetEncoding.InvalidBytesMarker, StringComparison.Ordinal))
        {
            return new FeedRow(row, new Dictionary<string, string?>(), NotUtf8);
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            return ObjectRow(row, document.RootElement);
        }
        catch (JsonException)
        {
            return new FeedRow(row, new Dictionary<string, string?>(), "line is not valid JSON");
        }
    }

    private static FeedRow ObjectRow(long row, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new FeedRow(row, new Dictionary<string, string?>(), "record is not a JSON object");
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var nested = new List<string>();
        long length = 0;
        try
        {
            foreach (var property in element.EnumerateObject())
            {
                var value = property.Value;
                if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    // The record is rejected for it; its other values are still read, for a tool that looks at the whole record.
                    nested.Add(property.Name);
                    continue;
                }

                var text = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Null => null,
                    _ => value.GetRawText(),
                };

                if (!values.TryAdd(property.Name, text))
                {
                    return nested.Count > 0
                        ? Nested(row, values, nested)
                        : new FeedRow(row, values, "the record has this key twice; send each key once", FeedLimits.ColumnName(property.Name));
                }

                length += property.Name.Length + (text?.Length ?? 0);
            }
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json reads the bytes of a string only when asked for it, and then refuses invalid UTF-8.
            return new FeedRow(row, new Dictionary<string, string?>(), NotUtf8);
        }

        if (length > FeedLimits.MaxRowCharacters)
        {
            return new FeedRow(row, new Dictionary<string, string?>(), FeedReader.RowTooLong(length));
        }

        return nested.Count == 0 ? new FeedRow(row, values) : Nested(row, values, nested);
    }

    private static FeedRow Nested(long row, Dictionary<string, string?> values, List<string> nested) =>
        new(row, values, $"property '{FeedLimits.ColumnName(nested[0])}' is an object or array, expected a plain value", FeedLimits.ColumnName(nested[0])) { NestedKeys = nested };

    private static string DescribeNonArray(ReadOnlySpan<byte> head, bool whole)
    {
        var start = FeedSniffer.Content(head);
        if (start.IsEmpty)
        {
            return "it holds only white space";
        }

        if (start[0] == (byte)'{')
        {
            return "it is a single JSON object; put the records in an array ([{…}, {…}]), or push one object per line as application/x-ndjson";
        }

        if (FeedSniffer.Describe(head) is { } looksLike)
        {
            return $"it looks like {looksLike}";
        }

        var reader = new Utf8JsonReader(start, isFinalBlock: whole, state: default);
        try
        {
            if (reader.Read())
            {
                return $"it is {Kind(reader.TokenType)}";
            }
        }
        catch (JsonException)
        {
            // Not JSON at all: described below.
        }

        return "it is not JSON (text such as CSV? push CSV as text/csv)";
    }

    private static string DescribeNonObjectLine(ReadOnlySpan<byte> head, string line, long row)
    {
        if (line.AsSpan().TrimStart().StartsWith("[", StringComparison.Ordinal))
        {
            return string.Create(CultureInfo.InvariantCulture, $"line {row} starts a JSON array; push a JSON array as application/json");
        }

        if (FeedSniffer.Describe(head) is { } looksLike)
        {
            return $"it looks like {looksLike}";
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            return string.Create(CultureInfo.InvariantCulture, $"its first record (line {row}) is {Kind(document.RootElement.ValueKind)}, not an object");
        }
        catch (JsonException)
        {
            return string.Create(CultureInfo.InvariantCulture, $"its first record (line {row}) is not JSON (text such as CSV? push CSV as text/csv)");
        }
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "not a value",
    };

    private static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.Null => "the JSON value null",
        JsonTokenType.String => "a JSON string",
        JsonTokenType.Number => "a JSON number",
        JsonTokenType.True or JsonTokenType.False => "the JSON value true or false",
        _ => "JSON, but not an array",
    };

    private static long IndexInBuffer(string? path) =>
        path is not null && path.StartsWith("$[", StringComparison.Ordinal) && path.IndexOf(']', StringComparison.Ordinal) is > 2 and var end
        && long.TryParse(path.AsSpan(2, end - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : 0;
}
