using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hub.Core.Feeds.Reading;
using Hub.Core.Feeds.Sources;
using MiniExcelLibs;
using MiniExcelLibs.Csv;

namespace Hub.Samples;

/// <summary>Serialises sample rows in the formats departments export: CSV (two encodings), XLSX, JSON and NDJSON.</summary>
internal static class SampleFileWriter
{
    // Departments' JSON carries Chinese as is, not as \u escapes; these files never land in HTML.
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly byte[] ArrayStart = "[\n"u8.ToArray();
    private static readonly byte[] ElementSeparator = ",\n"u8.ToArray();
    private static readonly byte[] ArrayEnd = "\n]\n"u8.ToArray();
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static async Task WriteAsync(SourceMapping mapping, IReadOnlyList<string> columns, IEnumerable<SampleRow> rows, Stream stream, SampleFileFormat format, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case SampleFileFormat.CsvUtf8Bom:
                await WriteCsvAsync(columns, rows, stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), cancellationToken).ConfigureAwait(false);
                break;
            case SampleFileFormat.CsvGb18030:
                await WriteCsvAsync(columns, rows, stream, CharsetEncoding.Gb18030, cancellationToken).ConfigureAwait(false);
                break;
            case SampleFileFormat.Xlsx:
                await WriteXlsxAsync(columns, rows, stream, cancellationToken).ConfigureAwait(false);
                break;
            case SampleFileFormat.Json or SampleFileFormat.Ndjson:
                await WriteJsonAsync(mapping, columns, rows, stream, format == SampleFileFormat.Ndjson, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown sample file format.");
        }
    }

    private static async Task WriteCsvAsync(IReadOnlyList<string> columns, IEnumerable<SampleRow> rows, Stream stream, Encoding encoding, CancellationToken cancellationToken)
    {
        var configuration = new CsvConfiguration
        {
            NewLine = "\r\n",
            StreamWriterFunc = s => new StreamWriter(s, encoding, bufferSize: 64 * 1024, leaveOpen: true),
        };
        var cells = rows.Select(row => Cells(columns, row, _ => null));
        await MiniExcel.SaveAsAsync(stream, cells, excelType: ExcelType.CSV, configuration: configuration, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteXlsxAsync(IReadOnlyList<string> columns, IEnumerable<SampleRow> rows, Stream stream, CancellationToken cancellationToken)
    {
        // A number mangled by a spreadsheet is a number in the workbook, not text that looks like one.
        var cells = rows.Select(row => Cells(columns, row, column =>
            row.Mistakes.Any(m => m.Kind == MistakeKind.ScientificNotation && m.Column == column)
                ? double.Parse(row.Values[column]!, CultureInfo.InvariantCulture)
                : null));
        using var workbook = new MemoryStream();
        await MiniExcel.SaveAsAsync(workbook, cells, excelType: ExcelType.XLSX, cancellationToken: cancellationToken).ConfigureAwait(false);
        await ReproducibleWorkbook.CopyAsync(workbook, stream, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteJsonAsync(SourceMapping mapping, IReadOnlyList<string> columns, IEnumerable<SampleRow> rows, Stream stream, bool perLine, CancellationToken cancellationToken)
    {
        var numeric = mapping.Fields.Where(f => f.Type is FieldType.Number or FieldType.WholeNumber).Select(f => f.Column).ToHashSet(StringComparer.Ordinal);
        var buffer = new ArrayBufferWriter<byte>();
        var first = true;
        if (!perLine)
        {
            await stream.WriteAsync(ArrayStart, cancellationToken).ConfigureAwait(false);
        }

        // One object a line in both formats, so files stay readable and diffable.
        foreach (var row in rows)
        {
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer, Json))
            {
                WriteObject(writer, columns, numeric, row);
            }

            if (!first && !perLine)
            {
                await stream.WriteAsync(ElementSeparator, cancellationToken).ConfigureAwait(false);
            }

            await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            if (perLine)
            {
                await stream.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
            }

            first = false;
        }

        if (!perLine)
        {
            await stream.WriteAsync(ArrayEnd, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, IReadOnlyList<string> columns, HashSet<string> numeric, SampleRow row)
    {
        writer.WriteStartObject();
        foreach (var column in columns)
        {
            var value = row.Values[column];
            if (value is null)
            {
                writer.WriteNull(column);
            }
            else if (numeric.Contains(column) && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            {
                writer.WriteNumber(column, number);
            }
            else
            {
                writer.WriteString(column, value);
            }
        }

        writer.WriteEndObject();
    }

    private static Dictionary<string, object?> Cells(IReadOnlyList<string> columns, SampleRow row, Func<string, object?> special)
    {
        var cells = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
        foreach (var column in columns)
        {
            cells[column] = special(column) ?? row.Values[column];
        }

        return cells;
    }
}