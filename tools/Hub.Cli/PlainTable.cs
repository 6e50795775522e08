namespace Hub.Cli;

/// <summary>
/// A table as aligned plain text, one line per row: a 32-character key is never wrapped or cut, whatever the terminal's
/// width, so it can be copied into a decision file, and a script can split the columns on runs of spaces (the last
/// column may hold spaces of its own).
/// </summary>
internal static class PlainTable
{
    public static async Task WriteAsync(TextWriter writer, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.Prepend(headers).ToList();
        var widths = headers.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            var line = string.Join("  ", row.Select((cell, i) => i == row.Count - 1 ? cell : cell.PadRight(widths[i])));
            await writer.WriteLineAsync(line.TrimEnd()).ConfigureAwait(false);
        }
    }
}
