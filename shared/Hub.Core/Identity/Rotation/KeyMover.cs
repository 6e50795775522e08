using System.Text.Json;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Profiles.Facts;
using Hub.Core.Protection;
using Hub.Core.Storage;

namespace Hub.Core.Identity.Rotation;

/// <summary>
/// Moves every row a person key has in the facts table (facts, data key, links, members, history) to the key's new
/// value: each row's key and every column naming a person key follow the rotation's map, a fact's sealed attributes are
/// sealed again for their new row (with the same data key, which is wrapped again for its new owner), and the view and
/// index rows are left for the reconciliation to write, as it writes any that are missing: the view it writes carries
/// the data key as wrapped for its new owner. The data key is written first and deleted last, after the old view with
/// its copy of the key wrapped for the old owner, so no sealed row is ever without it; a move stopped half way is made
/// again whole.
/// </summary>
internal sealed class KeyMover(HubStorage storage, KeyRing keys)
{
    private const int TransactionLimit = 100;

    // The columns of the facts table's rows that name a person key.
    private static readonly string[] KeyColumns = ["PersonKey", "Golden", "Member", "PreviousGolden"];

    /// <summary>
    /// Moves <paramref name="from"/>'s rows to <paramref name="to"/>, naming other keys as <paramref name="map"/> says;
    /// returns the rows the key has at <paramref name="to"/>, which is the same whether the move is made whole now or was
    /// made, in whole or in part, by a run that stopped before its partition was marked done.
    /// </summary>
    public async Task<int> MoveAsync(PersonKey from, PersonKey to, KeyLookup map, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        var rows = await storage.FactsTable.QueryRowsAsync(RangeOf(from), cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return await CountAsync(to, cancellationToken).ConfigureAwait(false);
        }

        await map.LoadAsync(rows.SelectMany(NamedKeys), cancellationToken).ConfigureAwait(false);
        var keyRow = rows.FirstOrDefault(r => r.RowKey == ResolutionRows.DataKey(from.Value));
        var dataKey = keyRow is null ? null : keys.Unwrap(from.Value, DataKeyEntity.FromRow(keyRow).ToWrapped());
        if (keyRow is not null)
        {
            var wrapped = keys.Rewrap(from.Value, DataKeyEntity.FromRow(keyRow).ToWrapped(), to.Value);
            var moved = EntityChange.UpsertCopy(keyRow, to.PartitionKey, ResolutionRows.DataKey(to.Value), new Dictionary<string, string>
            {
                ["PersonKey"] = to.Value,
                ["KeyId"] = wrapped.KeyId,
                ["Wrapped"] = wrapped.Wrapped,
            });
            (await storage.FactsTable.SubmitAsync([moved], cancellationToken).ConfigureAwait(false)).ThrowIfNotWritten();
        }

        var others = rows.Where(r => r != keyRow).ToList();
        var writes = others.Select(r => Moved(r, from, to, map, dataKey)).OfType<EntityChange>().ToList();
        foreach (var chunk in writes.Chunk(TransactionLimit))
        {
            (await storage.FactsTable.SubmitAsync(chunk, cancellationToken).ConfigureAwait(false)).ThrowIfNotWritten();
        }

        await storage.FactsTable.DeleteRowsAsync(others.Select(r => new BareRow(r.PartitionKey, r.RowKey)), cancellationToken).ConfigureAwait(false);
        if (keyRow is not null)
        {
            await storage.FactsTable.DeleteRowsAsync([new BareRow(keyRow.PartitionKey, keyRow.RowKey)], cancellationToken).ConfigureAwait(false);
        }

        // Only the data key left behind: the rest was moved by a run stopped before it deleted the key.
        return others.Count == 0 ? await CountAsync(to, cancellationToken).ConfigureAwait(false) : writes.Count + (keyRow is null ? 0 : 1);
    }

    private static string RangeOf(PersonKey key) =>
        TableFilter.Of($"PartitionKey eq {key.PartitionKey} and RowKey ge {FactEntity.PersonRangeStart(key.Value)} and RowKey lt {FactEntity.PersonRangeEnd(key.Value)}");

    // The rows a key has, before the reconciliation writes its view and index rows: those a move wrote there.
    private async Task<int> CountAsync(PersonKey key, CancellationToken cancellationToken) =>
        await storage.FactsTable.QueryAsync<BareRow>(RangeOf(key), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).CountAsync(cancellationToken).ConfigureAwait(false);

    // Every person key a row names: in its key (a member row's trailing key), its key columns and its candidate list.
    private static IEnumerable<string> NamedKeys(StoredRow row)
    {
        var separator = row.RowKey.LastIndexOf('|');
        if (separator >= 0)
        {
            yield return row.RowKey[(separator + 1)..];
        }

        foreach (var column in KeyColumns)
        {
            if (row.GetString(column) is { Length: > 0 } key)
            {
                yield return key;
            }
        }

        if (row.GetString(nameof(LinkEntity.Candidates)) is { Length: > 0 } candidates)
        {
            foreach (var score in JsonSerializer.Deserialize<List<CandidateScore>>(candidates, StorageJson.Options) ?? [])
            {
                yield return score.Person;
            }
        }
    }

    // A row at its new key; null for the view and index rows, which the reconciliation writes again.
    private static EntityChange? Moved(StoredRow row, PersonKey from, PersonKey to, KeyLookup map, DataKey? dataKey)
    {
        var rowKey = row.RowKey;
        if (rowKey == ResolutionRows.View(from.Value) || rowKey == ResolutionRows.Index(from.Value))
        {
            return null;
        }

        var membersStart = ResolutionRows.MembersStart(from.Value);
        var newRowKey = rowKey.StartsWith(membersStart, StringComparison.Ordinal)
            ? ResolutionRows.Member(to.Value, map.Map(rowKey[membersStart.Length..]))
            : to.Value + rowKey[from.Value.Length..];
        var replaced = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in KeyColumns)
        {
            if (row.GetString(column) is { Length: > 0 } key)
            {
                replaced[column] = key == from.Value ? to.Value : map.Map(key);
            }
        }

        if (row.GetString(nameof(LinkEntity.Candidates)) is { Length: > 0 } candidates)
        {
            var scores = JsonSerializer.Deserialize<List<CandidateScore>>(candidates, StorageJson.Options) ?? [];
            replaced[nameof(LinkEntity.Candidates)] = JsonSerializer.Serialize(scores.Select(s => s with { Person = map.Map(s.Person) }), StorageJson.Options);
        }

        if (!ResolutionRows.IsResolutionRow(rowKey) && row.GetString(nameof(FactEntity.Sealed)) is { Length: > 0 } sealedAttributes)
        {
            var key = dataKey ?? throw new SealedValueException("A person's values are sealed but their data key row is missing.");
            replaced[nameof(FactEntity.Sealed)] = key.Seal(key.Open(sealedAttributes, rowKey), newRowKey);
        }

        return EntityChange.UpsertCopy(row, to.PartitionKey, newRowKey, replaced);
    }
}
