using System.Text;

namespace Hub.Core.Kernel;

/// <summary>
/// Writes CSV that is safe to open in a spreadsheet: UTF-8 with a BOM (so Excel reads Chinese), and any cell that
/// starts with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> is prefixed with an apostrophe so it is never run as a formula.
/// </summary>
public sealed class SpreadsheetSafeCsv : IDisposable, IAsyncDisposable
{
    private readonly StreamWriter _writer;

    /// <summary>Starts a CSV document on <paramref name="stream"/>.</summary>
    public SpreadsheetSafeCsv(Stream stream) =>
        _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);

    /// <summary>Neutralises a formula-like cell and quotes it when needed.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>Writes one row.</summary>
    public Task WriteRowAsync(params string?[] cells) => _writer.WriteAsync(string.Join(',', cells.Select(Cell)) + "\r\n");

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
