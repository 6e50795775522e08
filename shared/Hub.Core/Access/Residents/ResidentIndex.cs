using Hub.Core.Kernel;
using Hub.Core.Storage;

namespace Hub.Core.Access.Residents;

/// <summary>
/// The resident index in table storage: writes a batch's row changes in full transactions per partition, and reads the
/// candidate rows of blocking keys for person matching.
/// </summary>
internal sealed class ResidentIndex(HubStorage storage)
{
    // One place of every transaction is the street's version row, so a street's rows and its version change together.
    private const int RowsPerTransaction = 99;

    // From this many hashes in one candidate partition, the partition is read whole rather than range by range.
    private const int RangesPerQuery = 32;

    /// <summary>
    /// Writes <paramref name="changes"/>: upserts and deletes, grouped by partition, 99 to a transaction, with a street's
    /// version bump (<see cref="StreetVersion"/>) as the hundredth; candidate rows are read by key, never cached, and
    /// have no version.
    /// </summary>
    /// <remarks>
    /// A delete of a row that is already gone (an interrupted attempt deleted it) fails its whole transaction with 404;
    /// that chunk is then written again with its deletes one by one, each allowed to find nothing, and the version is
    /// bumped once more after them, so a list that read the street while they were under way does not keep it.
    /// </remarks>
    public async Task ApplyAsync(ResidentChanges changes, int concurrency, CancellationToken cancellationToken = default)
    {
        var transactions = changes.Upserts
            .Select(r => (r.PartitionKey, Change: EntityChange.Upsert(r), IsDelete: false))
            .Concat(changes.Deletes.Select(k => (k.PartitionKey, Change: EntityChange.Delete(k.PartitionKey, k.RowKey), IsDelete: true)))
            .GroupBy(c => c.PartitionKey, StringComparer.Ordinal)
            .SelectMany(street => street.Chunk(RowsPerTransaction).Select(chunk => (Street: street.Key, Chunk: chunk)))
            .ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(transactions, parallel, async (entry, token) =>
        {
            var (street, chunk) = entry;
            var versioned = !CandidateRows.Is(street);
            var result = await storage.ResidentsTable.SubmitAsync(Versioned(chunk.Select(c => c.Change), street, versioned), token).ConfigureAwait(false);
            if (result.Outcome != WriteOutcome.Missing)
            {
                result.ThrowIfNotWritten();
                return;
            }

            var upserts = chunk.Where(c => !c.IsDelete).Select(c => c.Change).ToList();
            if (upserts.Count > 0)
            {
                (await storage.ResidentsTable.SubmitAsync(Versioned(upserts, street, versioned), token).ConfigureAwait(false)).ThrowIfNotWritten();
            }

            foreach (var delete in chunk.Where(c => c.IsDelete))
            {
                await storage.ResidentsTable.DeleteAsync(delete.Change.Entity.PartitionKey, delete.Change.Entity.RowKey, cancellationToken: token).ConfigureAwait(false);
            }

            if (versioned)
            {
                await StreetVersion.BumpAsync(storage.ResidentsTable, street, token).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);

        static IEnumerable<EntityChange> Versioned(IEnumerable<EntityChange> changes, string partition, bool versioned) =>
            versioned ? changes.Append(StreetVersion.Bump(partition)) : changes;
    }

    /// <summary>
    /// Reads the candidate rows filed under <paramref name="hashes"/> (<see cref="CandidateRows"/>): one range read per
    /// hash, or one read of a whole partition where many of the hashes fall in it.
    /// </summary>
    public async Task<CandidateLookup> LookUpAsync(IEnumerable<string> hashes, int concurrency, CancellationToken cancellationToken = default)
    {
        var lookup = new CandidateLookup();
        var partitions = hashes.Distinct(StringComparer.Ordinal).GroupBy(CandidateRows.Partition, StringComparer.Ordinal).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(partitions, parallel, async (partition, token) =>
        {
            var wanted = partition.ToHashSet(StringComparer.Ordinal);
            var filters = wanted.Count > RangesPerQuery
                ? [TableFilter.Of($"PartitionKey eq {partition.Key}")]
                : wanted.Select(h => TableFilter.Of($"PartitionKey eq {partition.Key} and RowKey gt {h + "|"} and RowKey lt {h + "}"}"));
            foreach (var filter in filters)
            {
                var query = storage.ResidentsTable.QueryAsync<ResidentEntity>(filter, select: ["RowKey", nameof(ResidentEntity.PersonKey), nameof(ResidentEntity.Identified), nameof(ResidentEntity.Records)], cancellationToken: token);
                await foreach (var row in query.ConfigureAwait(false))
                {
                    if (!StreetVersion.Is(row.RowKey) && CandidateRows.HashOf(row.RowKey) is var hash && wanted.Contains(hash))
                    {
                        lookup.Add(hash, row);
                    }
                }
            }
        }).ConfigureAwait(false);
        return lookup;
    }

    /// <summary>The golden persons of a household registered in <paramref name="street"/>.</summary>
    public async Task<IReadOnlyList<PersonKey>> HouseholdMembersAsync(string street, string householdKey, CancellationToken cancellationToken = default)
    {
        var members = new SortedSet<string>(StringComparer.Ordinal);
        var filter = TableFilter.Of($"PartitionKey eq {street} and HouseholdKey eq {householdKey}");
        await foreach (var row in storage.ResidentsTable.QueryAsync<ResidentEntity>(filter, select: [nameof(ResidentEntity.PersonKey)], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            members.Add(row.PersonKey);
        }

        return members.Select(PersonKey.Parse).ToList();
    }
}
