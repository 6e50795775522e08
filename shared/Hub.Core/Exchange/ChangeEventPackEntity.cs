using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hub.Core.Storage;

namespace Hub.Core.Exchange;

/// <summary>
/// A row of the <c>events</c> table that holds a run of change events (<see cref="PackedChangeEvent"/>) as one JSON
/// array, so the table writes one entity for many events. Staged, it is one pack of a batch's events, keyed by a hash
/// of their ids (a retried merge group derives the same events and rewrites the same row); published, it holds the
/// consecutive sequences from <see cref="Sequence"/> on, one slot of the feed at most (see <see cref="ChangeEventLog"/>),
/// an erased person's events left as <c>null</c> in their places.
/// </summary>
internal sealed class ChangeEventPackEntity : StoredEntity
{
    /// <summary>
    /// The longest <see cref="Events"/> a pack is filled to: a string property holds 64 KiB of UTF-16, 32,767
    /// characters. An event alone longer than that was too long for a row before packs too.
    /// </summary>
    public const int MaxEventsLength = 32_000;

    /// <summary>The most text of packs one transaction carries: a transaction carries at most 4 MiB, and this is about 3 MB of UTF-16.</summary>
    public const long TransactionLength = 1_500_000;

    private const int TransactionLimit = 100;

    private static readonly JsonSerializerOptions Json = new(StorageJson.Options)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    /// <summary>The first event's sequence in the feed; null while staged.</summary>
    public long? Sequence { get; set; }

    /// <summary>How many events (blanks included) the row holds.</summary>
    public int Count { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The events as a JSON array, <c>null</c> where an erased person's event was.</summary>
    public string Events { get; set; } = "[]";

    /// <summary>The person keys the events name, space-separated: what an erasure reads to find them without the events.</summary>
    public string Persons { get; set; } = string.Empty;

    /// <summary>One event as it goes into <see cref="Events"/>.</summary>
    public static string Serialize(PackedChangeEvent? packed) => JsonSerializer.Serialize(packed, Json);

    /// <summary>The events of an <see cref="Events"/> array.</summary>
    public static IReadOnlyList<PackedChangeEvent?> Read(string events) =>
        JsonSerializer.Deserialize<List<PackedChangeEvent?>>(events, Json) ?? [];

    /// <summary>A row holding <paramref name="events"/> (each with its JSON, from <see cref="Serialize"/>) in this order.</summary>
    public static ChangeEventPackEntity Of(string partitionKey, string rowKey, IReadOnlyList<(PackedChangeEvent? Event, string Json)> events, long? sequence, DateTimeOffset? publishedAt) => new()
    {
        PartitionKey = partitionKey,
        RowKey = rowKey,
        Sequence = sequence,
        Count = events.Count,
        PublishedAt = publishedAt,
        Events = "[" + string.Join(',', events.Select(e => e.Json)) + "]",
        Persons = string.Join(' ', events.SelectMany(e => e.Event?.Persons() ?? []).Distinct(StringComparer.Ordinal)),
    };

    /// <summary>The row key of a staged pack: a hash of its events' ids, so the same events stage to the same row.</summary>
    public static string StagedRow(IEnumerable<PackedChangeEvent> events) =>
        "p" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', events.Select(e => e.Id)))).AsSpan(0, 16));

    /// <summary>
    /// Splits <paramref name="events"/>, to be placed from position <paramref name="start"/> on, into runs whose JSON
    /// array stays within <see cref="MaxEventsLength"/> and that never cross a multiple of <paramref name="slot"/>.
    /// </summary>
    public static IEnumerable<List<(PackedChangeEvent? Event, string Json)>> Runs(IEnumerable<(PackedChangeEvent? Event, string Json)> events, long start, long slot)
    {
        ArgumentNullException.ThrowIfNull(events);
        var run = new List<(PackedChangeEvent? Event, string Json)>();
        var length = 2;
        var position = start;
        foreach (var item in events)
        {
            if (run.Count > 0 && (position % slot == 0 || length + 1 + item.Json.Length > MaxEventsLength))
            {
                yield return run;
                run = [];
                length = 2;
            }

            length += item.Json.Length + (run.Count > 0 ? 1 : 0);
            run.Add(item);
            position++;
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    /// <summary>The first of <paramref name="rows"/> that one transaction takes: at most 100, within <see cref="TransactionLength"/>.</summary>
    public static List<ChangeEventPackEntity> Transaction(IEnumerable<ChangeEventPackEntity> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var chunk = new List<ChangeEventPackEntity>();
        var length = 0L;
        foreach (var row in rows)
        {
            if (chunk.Count == TransactionLimit || (chunk.Count > 0 && length + row.Events.Length > TransactionLength))
            {
                break;
            }

            chunk.Add(row);
            length += row.Events.Length;
        }

        return chunk;
    }
}
