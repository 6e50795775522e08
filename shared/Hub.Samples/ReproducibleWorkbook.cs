using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Hub.Samples;

/// <summary>
/// Rewrites an XLSX workbook so the same rows always give the same bytes. MiniExcel stamps zip entries with the
/// clock and names relationships with random GUIDs; without this, the same seed would give a different file each
/// run, and the Hub, which recognises a repeated push by the payload's hash, would take it for a new feed.
/// </summary>
internal static partial class ReproducibleWorkbook
{
    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task CopyAsync(MemoryStream source, Stream destination, CancellationToken cancellationToken)
    {
        source.Position = 0;
        var relationshipIds = new Dictionary<string, string>(StringComparer.Ordinal);
        using var output = new MemoryStream();
        using (var reader = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true))
        using (var writer = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in reader.Entries)
            {
                using var content = new MemoryStream();
                await using (var from = entry.Open())
                {
                    await from.CopyToAsync(content, cancellationToken).ConfigureAwait(false);
                }

                var bytes = content.ToArray();
                if (entry.FullName.EndsWith(".xml", StringComparison.Ordinal) || entry.FullName.EndsWith(".rels", StringComparison.Ordinal))
                {
                    var text = RelationshipId().Replace(Encoding.UTF8.GetString(bytes), m =>
                    {
                        if (!relationshipIds.TryGetValue(m.Value, out var stable))
                        {
                            relationshipIds[m.Value] = stable = $"rIdSample{relationshipIds.Count + 1}";
                        }

                        return stable;
                    });
                    bytes = Encoding.UTF8.GetBytes(text);
                }

                var copy = writer.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = EntryTime;
                await using var to = copy.Open();
                await to.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            }
        }

        output.Position = 0;
        await output.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    [GeneratedRegex("(?<=[Ii]d=\")R[0-9a-f]{32}(?=\")", RegexOptions.CultureInvariant)]
    private static partial Regex RelationshipId();
}
