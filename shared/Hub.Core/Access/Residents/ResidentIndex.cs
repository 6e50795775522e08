using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;
using Hub.Core.Storage;

namespace Hub.Core.Access.Residents;

/// <summary>
/// The resident index in table storage: writes a batch's row changes in full transactions per street (and the
/// candidate index's entries beside them), and finds the candidates for a record without a usable ID.
/// </summary>
internal sealed class ResidentIndex(HubStorage storage, ResidentRowBuilder rows, CandidateIndex candidates)
{
    // One place of every transaction is the street's version row, so a street's rows and its version change together.
    private const int RowsPerTransaction = 99;

    // From this many hashes a batch looks up, every provisional row is read at once rather than partition by partition.
    private const int ProvisionalHashesPerBatch = 64;

    /// <summary>
    /// Writes <paramref name="changes"/>: first the candidate index's entries (<see cref="CandidateIndex.ApplyAsync"/>),
    /// then the resident rows' upserts and deletes, grouped by street, 99 to a transaction with the street's version
    /// bump (<see cref="StreetVersion"/>) as the hundredth.
    /// </summary>
    /// <remarks>
    /// A delete of a row that is already gone (an interrupted attempt deleted it) fails its whole transaction with 404;
    /// that chunk is then written again with its deletes one by one, each allowed to find nothing, and the version is
    /// bumped once more after them, so a list that read the street while they were under way does not keep it.
    /// </remarks>
    public async Task ApplyAsync(ResidentChanges changes, int concurrency, CancellationToken cancellationToken = default)
    {
        await candidates.ApplyAsync(
            changes.Upserts.Where(r => CandidateSearch.Is(r.PartitionKey)),
            changes.Deletes.Where(k => CandidateSearch.Is(k.PartitionKey)),
            concurrency,
            cancellationToken).ConfigureAwait(false);
        var transactions = changes.Upserts
            .Where(r => !CandidateSearch.Is(r.PartitionKey))
            .Select(r => (r.PartitionKey, Change: EntityChange.Upsert(r), IsDelete: false))
            .Concat(changes.Deletes.Where(k => !CandidateSearch.Is(k.PartitionKey)).Select(k => (k.PartitionKey, Change: EntityChange.Delete(k.PartitionKey, k.RowKey), IsDelete: true)))
            .GroupBy(c => c.PartitionKey, StringComparer.Ordinal)
            .SelectMany(street => street.Chunk(RowsPerTransaction).Select(chunk => (Street: street.Key, Chunk: chunk)))
            .ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(transactions, parallel, async (entry, token) =>
        {
            var (street, chunk) = entry;
            var result = await storage.ResidentsTable.SubmitAsync([.. chunk.Select(c => c.Change), StreetVersion.Bump(street)], token).ConfigureAwait(false);
            if (result.Outcome != WriteOutcome.Missing)
            {
                result.ThrowIfNotWritten();
                return;
            }

            var upserts = chunk.Where(c => !c.IsDelete).Select(c => c.Change).ToList();
            if (upserts.Count > 0)
            {
                (await storage.ResidentsTable.SubmitAsync([.. upserts, StreetVersion.Bump(street)], token).ConfigureAwait(false)).ThrowIfNotWritten();
            }

            foreach (var delete in chunk.Where(c => c.IsDelete))
            {
                await storage.ResidentsTable.DeleteAsync(delete.Change.Entity.PartitionKey, delete.Change.Entity.RowKey, cancellationToken: token).ConfigureAwait(false);
            }

            await StreetVersion.BumpAsync(storage.ResidentsTable, street, token).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The persons filed under any blocking key of <paramref name="incoming"/> anywhere in the city, each with every
    /// match record the index holds for them: a read of the candidate index's rows of each key (a point read for most
    /// kinds), each key read once per batch when the batch's <paramref name="lookups"/> are given.
    /// </summary>
    public async Task<IReadOnlyList<MatchCandidate>> FindCandidatesAsync(MatchRecord incoming, CandidateLookups? lookups = null, CancellationToken cancellationToken = default)
    {
        lookups ??= new CandidateLookups(candidates);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in BlockingKeys.For(incoming).Select(rows.Token))
        {
            foreach (var (person, records) in await lookups.FindAsync(token, cancellationToken).ConfigureAwait(false))
            {
                found.TryAdd(person, records);
            }
        }

        return found
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .SelectMany(p => rows.ReadRecords(p.Key, p.Value).Select(r => new MatchCandidate(PersonKey.Parse(p.Key), r)))
            .ToList();
    }

    /// <summary>The lookups of one batch: each key's rows read once however many of the batch's records share it.</summary>
    public CandidateLookups NewLookups() => new(candidates);

    /// <summary>
    /// The lookups of one batch with the candidate index's rows of every blocking key of <paramref name="batch"/> read
    /// already, the keys of one partition of the index together (<see cref="CandidateLookups.ReadAsync"/>).
    /// </summary>
    public async Task<CandidateLookups> ReadLookupsAsync(IEnumerable<MatchRecord> batch, int concurrency, CancellationToken cancellationToken = default)
    {
        var lookups = new CandidateLookups(candidates);
        await lookups.ReadAsync(batch.SelectMany(r => BlockingKeys.For(r)).Select(rows.Token), concurrency, cancellationToken).ConfigureAwait(false);
        return lookups;
    }

    /// <summary>
    /// The provisional persons filed under any of <paramref name="hashes"/> (<see cref="ProvisionalSearch"/>), each with
    /// the match records their rows carry: one query per partition of the hashes, with a row-key range per hash, or,
    /// for a batch with many hashes, one query over every provisional row (few: provisional persons are few), so a
    /// large batch does not pay a query per partition.
    /// </summary>
    public async Task<IReadOnlyList<(PersonKey Person, IReadOnlyList<MatchRecord> Records)>> FindProvisionalAsync(IEnumerable<string> hashes, int concurrency, CancellationToken cancellationToken = default)
    {
        var wanted = hashes.ToHashSet(StringComparer.Ordinal);
        var filters = wanted.Count > ProvisionalHashesPerBatch
            ? [TableFilter.Of($"PartitionKey ge {ProvisionalSearch.FirstPartition} and PartitionKey lt {ProvisionalSearch.PartitionsEnd}")]
            : wanted.GroupBy(ProvisionalSearch.Partition, StringComparer.Ordinal).Select(partition => $"{TableFilter.Of($"PartitionKey eq {partition.Key}")} and ({string.Join(" or ", partition.Select(h => TableFilter.Of($"(RowKey gt {h + "|"} and RowKey lt {h + "}"})")))})");
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(filters, parallel, async (filter, token) =>
        {
            var query = storage.ResidentsTable.QueryAsync<ResidentEntity>(filter, select: ["RowKey", nameof(ResidentEntity.PersonKey), nameof(ResidentEntity.Records)], cancellationToken: token);
            await foreach (var row in query.ConfigureAwait(false))
            {
                if (!StreetVersion.Is(row.RowKey) && wanted.Contains(ProvisionalSearch.HashOf(row.RowKey)))
                {
                    found.TryAdd(row.PersonKey, row.Records);
                }
            }
        }).ConfigureAwait(false);
        return found.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (PersonKey.Parse(p.Key), rows.ReadRecords(p.Key, p.Value))).ToList();
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
