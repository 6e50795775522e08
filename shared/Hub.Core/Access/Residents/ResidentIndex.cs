using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;
using Hub.Core.Storage;

namespace Hub.Core.Access.Residents;

/// <summary>
/// The resident index in table storage: writes a batch's row changes in full transactions per street, and finds the
/// candidates for a record without a usable ID with one filtered query per street the record names.
/// </summary>
internal sealed class ResidentIndex(HubStorage storage, ResidentRowBuilder rows)
{
    // One place of every transaction is the street's version row, so a street's rows and its version change together.
    private const int RowsPerTransaction = 99;

    // From this many hashes a batch looks up, every provisional row is read at once rather than partition by partition.
    private const int ProvisionalHashesPerBatch = 64;

    /// <summary>
    /// Writes <paramref name="changes"/>: upserts and deletes, grouped by street, 99 to a transaction with the
    /// street's version bump (<see cref="StreetVersion"/>) as the hundredth.
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
    /// The persons indexed under any blocking key of <paramref name="incoming"/>, each with every match record the
    /// index holds for them. One query per street the record names, filtered on the row's blocking-key columns.
    /// </summary>
    public async Task<IReadOnlyList<MatchCandidate>> FindCandidatesAsync(MatchRecord incoming, IReadOnlyDictionary<string, StreetBlocks>? loaded = null, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, IReadOnlyList<MatchRecord>>(StringComparer.Ordinal);
        foreach (var street in BlockingKeys.For(incoming).GroupBy(ResidentRowBuilder.StreetOf, StringComparer.Ordinal))
        {
            var hashes = street.Select(rows.Hash).ToList();
            if (loaded?.GetValueOrDefault(street.Key) is { } blocks)
            {
                foreach (var (person, records) in hashes.SelectMany(blocks.Find))
                {
                    found.TryAdd(person, records);
                }

                continue;
            }

            var clauses = hashes.SelectMany(h => new[]
            {
                TableFilter.Of($"Block1 eq {h}"), TableFilter.Of($"Block2 eq {h}"), TableFilter.Of($"Block3 eq {h}"),
                TableFilter.Of($"Block4 eq {h}"), TableFilter.Of($"Block5 eq {h}"), TableFilter.Of($"Block6 eq {h}"),
            });
            var filter = $"{TableFilter.Of($"PartitionKey eq {street.Key}")} and ({string.Join(" or ", clauses)})";
            var query = storage.ResidentsTable.QueryAsync<ResidentEntity>(filter, select: [nameof(ResidentEntity.PersonKey), nameof(ResidentEntity.Records)], cancellationToken: cancellationToken);
            await foreach (var row in query.ConfigureAwait(false))
            {
                found.TryAdd(row.PersonKey, ResidentRowBuilder.ReadRecords(row.Records));
            }
        }

        return found.SelectMany(p => p.Value.Select(r => new MatchCandidate(PersonKey.Parse(p.Key), r))).ToList();
    }

    /// <summary>
    /// Reads the blocking keys and match records of <paramref name="streets"/>, each with one range query, for a batch
    /// with many records to match there: one pass over the street instead of one filtered query (a scan of the
    /// partition) per record.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, StreetBlocks>> LoadStreetsAsync(IEnumerable<string> streets, int concurrency, CancellationToken cancellationToken = default)
    {
        var loaded = streets.Distinct(StringComparer.Ordinal).ToDictionary(s => s, _ => new StreetBlocks(), StringComparer.Ordinal);
        string[] columns =
        [
            nameof(ResidentEntity.PersonKey), nameof(ResidentEntity.Records), nameof(ResidentEntity.Block1), nameof(ResidentEntity.Block2),
            nameof(ResidentEntity.Block3), nameof(ResidentEntity.Block4), nameof(ResidentEntity.Block5), nameof(ResidentEntity.Block6),
        ];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(loaded, parallel, async (street, token) =>
        {
            var filter = TableFilter.Of($"PartitionKey eq {street.Key} and RowKey ne {StreetVersion.RowKey}");
            await foreach (var row in storage.ResidentsTable.QueryAsync<ResidentEntity>(filter, select: columns, cancellationToken: token).ConfigureAwait(false))
            {
                street.Value.Add(row);
            }
        }).ConfigureAwait(false);
        return loaded;
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
        return found.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (PersonKey.Parse(p.Key), ResidentRowBuilder.ReadRecords(p.Value))).ToList();
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
