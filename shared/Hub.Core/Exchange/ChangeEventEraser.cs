using Hub.Core.Kernel;
using Hub.Core.Storage;

namespace Hub.Core.Exchange;

/// <summary>
/// Takes persons' events out of the <c>events</c> table (see <see cref="ChangeEventLog.EraseAsync"/>): the packs that
/// name them are found by their <c>Persons</c> column, read from the table, which holds only the retention's days, and
/// each is rewritten guarded by its version, so two erasures at once both hold.
/// </summary>
internal sealed class ChangeEventEraser(EntityTable table)
{
    private const int TransactionLimit = 100;

    // The head partition holds the feed's marks, no events.
    private const string HeadPartition = "head";

    /// <summary>Removes every event of <paramref name="persons"/>; returns how many events went.</summary>
    public async Task<int> EraseAsync(IReadOnlyCollection<PersonKey> persons, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persons);
        var keys = persons.Select(p => p.Value).ToHashSet(StringComparer.Ordinal);
        var found = new List<ChangeEventEntity>();
        string[] columns = ["PartitionKey", "RowKey", nameof(ChangeEventEntity.PersonKey), nameof(ChangeEventEntity.LinkedKey), nameof(ChangeEventEntity.Sequence), nameof(ChangeEventEntity.PublishedAt), nameof(ChangeEventEntity.Count), nameof(ChangeEventEntity.Persons)];
        await foreach (var row in table.QueryAsync<ChangeEventEntity>(TableFilter.Of($"PartitionKey ne {HeadPartition}"), select: columns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.Names(keys))
            {
                found.Add(row);
            }
        }

        var gone = 0;
        foreach (var row in found.Where(r => r.IsPack()))
        {
            gone += await ErasePackAsync(row.PartitionKey, row.RowKey, keys, cancellationToken).ConfigureAwait(false);
        }

        // Rows of one event, written before packs: a staged one deleted, a published one blanked.
        var single = found.Where(r => !r.IsPack()).Select(row => row.Sequence is null
            ? EntityChange.Delete(row.PartitionKey, row.RowKey)
            : EntityChange.Upsert(new ChangeEventEntity { PartitionKey = row.PartitionKey, RowKey = row.RowKey, Type = ChangeEventEntity.Erased, Sequence = row.Sequence, PublishedAt = row.PublishedAt })).ToList();
        foreach (var chunk in single.GroupBy(c => c.Entity.PartitionKey, StringComparer.Ordinal).SelectMany(p => p.Chunk(TransactionLimit)))
        {
            var result = await table.SubmitAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (result.Outcome is not (WriteOutcome.Written or WriteOutcome.Missing))
            {
                result.ThrowIfNotWritten();
            }
        }

        return gone + single.Count;
    }

    // Takes a staged or published pack's events of the persons out (a published one's left as blanks), guarded by the
    // pack's version: read again when another erasure wrote it first. Returns how many events went.
    private async Task<int> ErasePackAsync(string partitionKey, string rowKey, IReadOnlySet<string> persons, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await table.GetAsync<ChangeEventEntity>(partitionKey, rowKey, cancellationToken).ConfigureAwait(false) is not { Version: { } version } row)
            {
                return 0;
            }

            var entries = row.Entries();
            var kept = entries.Select(e => e is not null && e.Persons().Any(persons.Contains) ? null : e).ToList();
            var gone = entries.Count(e => e is not null) - kept.Count(e => e is not null);
            if (gone == 0)
            {
                return 0;
            }

            var outcome = row.Sequence is null && kept.All(e => e is null)
                ? await table.DeleteAsync(partitionKey, rowKey, version, cancellationToken).ConfigureAwait(false)
                : (await table.UpdateAsync(Rewritten(row, kept), version, EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false)).Outcome;
            if (outcome != WriteOutcome.Changed)
            {
                return outcome == WriteOutcome.Written ? gone : 0;
            }
        }
    }

    // A pack with only the events kept: a published one keeps every place (blanks where events went), a staged one drops them.
    private static ChangeEventPackEntity Rewritten(ChangeEventEntity row, IEnumerable<PackedChangeEvent?> kept) => ChangeEventPackEntity.Of(
        row.PartitionKey,
        row.RowKey,
        [.. kept.Where(e => row.Sequence is not null || e is not null).Select(e => (e, ChangeEventPackEntity.Serialize(e)))],
        row.Sequence,
        row.PublishedAt);

}
