using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Queues.Specialized;
using Hub.Core.Storage;

namespace Hub.Functions.Tests.Protection;

/// <summary>
/// Reads everything the Hub stored, every table's entities, every blob (a workbook's parts unzipped) and every queue
/// message, and reports where a sensitive value sits in clear: as text anywhere in a value, or as a JSON member or
/// entity property named for a sensitive attribute. A finding names the place, never the value.
/// </summary>
internal sealed class StoredValueScan
{
    private readonly IReadOnlySet<string> _values;
    private readonly IReadOnlySet<string> _attributes;
    private readonly SortedDictionary<string, int> _findings = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _scanned = new(StringComparer.Ordinal);

    private StoredValueScan(IReadOnlySet<string> values, IReadOnlySet<string> attributes)
    {
        _values = values;
        _attributes = attributes;
    }

    public int Entities { get; private set; }

    public int Blobs { get; private set; }

    public int Messages { get; private set; }

    /// <summary>Places holding a value in clear (<c>table.Property</c>, <c>container/blob</c>, <c>queue</c>) and how many.</summary>
    public IReadOnlyDictionary<string, int> Findings => _findings;

    public string Summary =>
        $"{Entities} entities, {Blobs} blobs, {Messages} queue messages scanned ({string.Join(", ", _scanned.Select(s => $"{s.Key} {s.Value}"))}); sensitive values in clear: " +
        (_findings.Count == 0 ? "none" : string.Join(", ", _findings.Select(f => $"{f.Key} ({f.Value})")));

    public static async Task<StoredValueScan> RunAsync(HubStorage storage, IReadOnlySet<string> values, IReadOnlySet<string> attributes)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var scan = new StoredValueScan(values, attributes);
        var prefix = storage.Facts.Name[..^"facts".Length];
        await foreach (var table in storage.ServiceTables.QueryAsync(t => true))
        {
            if (table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                await scan.ScanTableAsync(storage.ServiceTables.GetTableClient(table.Name));
            }
        }

        var blobs = storage.FeedArchive.GetParentBlobServiceClient();
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: prefix))
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                var content = await client.GetBlobClient(blob.Name).DownloadContentAsync();
                scan.Blobs++;
                scan._scanned[container.Name] = scan._scanned.GetValueOrDefault(container.Name) + 1;
                scan.ScanBytes($"{container.Name}/{Folder(blob.Name)}", content.Value.Content.ToArray());
            }
        }

        var queues = storage.FeedBatchQueue.GetParentQueueServiceClient();
        await foreach (var queue in queues.GetQueuesAsync(prefix: prefix))
        {
            var client = queues.GetQueueClient(queue.Name);
            foreach (var message in (await client.PeekMessagesAsync(client.MaxPeekableMessages)).Value)
            {
                scan.Messages++;
                scan.ScanText(queue.Name, message.Body.ToString());
            }
        }

        return scan;
    }

    private static string Folder(string blobName) => blobName.Contains('/', StringComparison.Ordinal) ? blobName[..blobName.LastIndexOf('/')] + "/…" : "…";

    private async Task ScanTableAsync(TableClient table)
    {
        await foreach (var entity in table.QueryAsync<TableEntity>())
        {
            Entities++;
            _scanned[table.Name] = _scanned.GetValueOrDefault(table.Name) + 1;
            foreach (var (property, value) in entity)
            {
                var place = $"{table.Name}.{property}";
                if (_attributes.Contains(property) && value is not null)
                {
                    Add(place);
                }

                if (value is string text)
                {
                    ScanText(place, text);
                }
            }
        }
    }

    private void ScanBytes(string place, byte[] bytes)
    {
        if (bytes is [(byte)'P', (byte)'K', ..])
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            foreach (var part in zip.Entries)
            {
                using var stream = part.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                ScanBytes(place, copy.ToArray());
            }

            return;
        }

        ScanText(place, Encoding.UTF8.GetString(bytes));
        ScanText(place, Encoding.GetEncoding("GB18030").GetString(bytes));
    }

    private void ScanText(string place, string text)
    {
        if (_values.Any(value => text.Contains(value, StringComparison.Ordinal)))
        {
            Add(place);
        }

        if (text is ['{', ..] or ['[', ..])
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                ScanJson(place, document.RootElement);
            }
            catch (JsonException)
            {
            }
        }
    }

    private void ScanJson(string place, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    if (_attributes.Contains(member.Name) && member.Value.ValueKind is not JsonValueKind.Null)
                    {
                        Add($"{place}:{member.Name}");
                    }

                    ScanJson(place, member.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    ScanJson(place, item);
                }

                break;
            case JsonValueKind.String when element.GetString() is ['{', ..] or ['[', ..]:
                ScanText(place, element.GetString()!);
                break;
        }
    }

    private void Add(string place) => _findings[place] = _findings.GetValueOrDefault(place) + 1;
}
