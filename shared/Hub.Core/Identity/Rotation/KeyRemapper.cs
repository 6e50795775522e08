using System.Text.Json;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Storage;

namespace Hub.Core.Identity.Rotation;

/// <summary>
/// The rotation's pass over the tables beside the facts that name person keys: break-glass grants (keyed by person),
/// correction requests (a person column) and the steward's queue (keyed by the record under review, with its candidate
/// persons). Each row that names an old key is written at, or with, its new key and the old row deleted; a row already
/// moved names keys the map does not hold, so a pass run again changes nothing.
/// </summary>
internal sealed class KeyRemapper(HubStorage storage)
{
    /// <summary>Moves the grants of facts partition <paramref name="partition"/> (grants are partitioned as facts); returns how many.</summary>
    public async Task<int> RemapGrantsAsync(int partition, KeyLookup map, CancellationToken cancellationToken = default)
    {
        var filter = TableFilter.Of($"PartitionKey eq {PersonKey.FormatPartition(partition)}");
        var rows = await storage.GrantsTable.QueryRowsAsync(filter, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        var moved = 0;
        foreach (var row in rows)
        {
            var from = row.GetString("PersonKey") ?? string.Empty;
            if (map.Map(from) is var to && to == from)
            {
                continue;
            }

            var key = PersonKey.Parse(to);
            var rowKey = to + row.RowKey[from.Length..];
            (await storage.GrantsTable.SubmitAsync([EntityChange.UpsertCopy(row, key.PartitionKey, rowKey, new Dictionary<string, string> { ["PersonKey"] = to })], cancellationToken).ConfigureAwait(false)).ThrowIfNotWritten();
            await storage.GrantsTable.DeleteAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            moved++;
        }

        return moved;
    }

    /// <summary>Names the new key in every correction request about an old one; returns how many.</summary>
    public async Task<int> RemapCorrectionsAsync(KeyLookup map, CancellationToken cancellationToken = default)
    {
        var rows = await storage.CorrectionsTable.QueryRowsAsync(TableFilter.Of($"PartitionKey ge {string.Empty}"), cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        await map.LoadAsync(rows.Select(r => r.GetString("PersonKey") ?? string.Empty), cancellationToken).ConfigureAwait(false);
        var moved = 0;
        foreach (var row in rows)
        {
            var from = row.GetString("PersonKey") ?? string.Empty;
            if (map.Map(from) is var to && to != from && row.Version is { } version)
            {
                // A request decided since it was read keeps its old key until the pass runs again.
                if (await storage.CorrectionsTable.ReplaceColumnsAsync(row.PartitionKey, row.RowKey, new Dictionary<string, string> { ["PersonKey"] = to }, version, cancellationToken).ConfigureAwait(false) == WriteOutcome.Written)
                {
                    moved++;
                }
            }
        }

        return moved;
    }

    /// <summary>Moves each record waiting for a steward to its new key, its candidates named by theirs; returns how many rows changed.</summary>
    public async Task<int> RemapReviewsAsync(KeyLookup map, CancellationToken cancellationToken = default)
    {
        var rows = await storage.ReviewsTable.QueryRowsAsync(TableFilter.Of($"PartitionKey eq {QueueEntity.Partition}"), cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        var scores = rows.ToDictionary(r => r, r => JsonSerializer.Deserialize<List<CandidateScore>>(r.GetString(nameof(QueueEntity.Candidates)) ?? "[]", StorageJson.Options) ?? []);
        await map.LoadAsync(rows.Select(r => r.RowKey).Concat(scores.Values.SelectMany(s => s.Select(c => c.Person))), cancellationToken).ConfigureAwait(false);
        var moved = 0;
        foreach (var row in rows)
        {
            var candidates = scores[row].Select(s => s with { Person = map.Map(s.Person) }).ToList();
            var rowKey = map.Map(row.RowKey);
            if (rowKey == row.RowKey && candidates.SequenceEqual(scores[row]))
            {
                continue;
            }

            var replaced = new Dictionary<string, string> { [nameof(QueueEntity.Candidates)] = JsonSerializer.Serialize(candidates, StorageJson.Options) };
            (await storage.ReviewsTable.SubmitAsync([EntityChange.UpsertCopy(row, row.PartitionKey, rowKey, replaced)], cancellationToken).ConfigureAwait(false)).ThrowIfNotWritten();
            if (rowKey != row.RowKey)
            {
                await storage.ReviewsTable.DeleteAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            moved++;
        }

        return moved;
    }
}
