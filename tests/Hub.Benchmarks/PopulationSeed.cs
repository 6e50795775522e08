using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Hub.Core.Access.Residents;
using Hub.Core.Feeds;
using Hub.Core.Feeds.Batches;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Reading;
using Hub.Core.Feeds.Sources;
using Hub.Core.Identity.Keys;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Profiles.Facts;
using Hub.Core.Storage;
using Hub.Samples;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Benchmarks;

/// <summary>
/// Writes the population of <see cref="PopulationLoad"/> straight into an empty store: the same two feeds, read,
/// validated and keyed by the Hub's own code, merged by the Hub's own planner (<see cref="FactStore.Plan"/>) and
/// classified by its resolver into the same facts, views and resident rows, but without the merge's partition reads.
/// </summary>
/// <remarks>
/// Azurite answers every query by scanning the whole table, so the second feed of 200,000 persons spends hours in the
/// reads that find each partition's facts; here nothing is read, because the store is known to be empty and both
/// feeds are merged in memory. <see cref="SeedCheck"/> proves the result is the feeds' result on a small population
/// before every seeded run. Records without a usable ID would need matching, which reads; the population has none.
/// </remarks>
internal static class PopulationSeed
{
    public static async Task<PopulationLoadResult> RunAsync(IServiceProvider hub, int persons, CancellationToken cancellationToken = default)
    {
        var catalog = hub.GetRequiredService<SourceCatalog>();
        var hasher = hub.GetRequiredService<PersonKeyHasher>();
        var facts = hub.GetRequiredService<FactStore>();
        var resolver = hub.GetRequiredService<PersonResolver>();
        var residents = hub.GetRequiredService<ResidentIndex>();
        var stopwatch = Stopwatch.StartNew();

        // Partition → source → that source's records there, in feed order.
        var incoming = new SortedDictionary<int, Dictionary<string, List<IncomingFact>>>();
        long rows = 0;
        var held = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var source in PopulationLoad.Sources)
        {
            var mapping = catalog.All.Single(s => s.Id == source);
            var (received, accepted) = await ReadAsync(mapping, hasher, persons, incoming, cancellationToken);
            rows += received;
            held[source] = accepted;
            if (accepted != received)
            {
                throw new InvalidOperationException($"{received - accepted:N0} of the {source} feed's rows were not accepted with a usable ID; the seed writes identified records only.");
            }
        }

        // Each source's records planned as its own batch, in feed order, as the feeds would arrive one after the other;
        // then every person's facts from both, and their view and resident rows as of all of them.
        var batches = PopulationLoad.Sources.ToDictionary(s => s, _ => BatchId());
        var changes = new ResidentChanges();
        var work = new ResolutionWork();
        var commits = new List<PartitionPlan>();
        foreach (var (partition, bySource) in incoming)
        {
            var partitionKey = PersonKey.FormatPartition(partition);

            // Every person's data key made once and written with their facts, so each source's plan seals with it.
            var dataKeys = bySource.Values.SelectMany(f => f).Select(f => f.PersonKey).Distinct(StringComparer.Ordinal)
                .Select(key => DataKeyEntity.Of(key, facts.Keys.NewDataKey(key)))
                .ToList();
            var keyRows = dataKeys.Select(KeyRow).ToList();
            var seeded = PersonRows.Group(keyRows, facts.Keys);
            var plans = PopulationLoad.Sources
                .Where(bySource.ContainsKey)
                .Select(s => facts.Plan(partitionKey, keyRows, new FactMerge(s, batches[s], Snapshot: false), bySource[s]))
                .ToList();
            var added = plans.SelectMany(p => p.Changes).Select(c => c.Entity).OfType<FactEntity>().ToList();

            // Upserts where the planner adds: the store is empty, and a transaction the storage client sends again after
            // a timeout must not fail on the rows its first attempt wrote.
            var writes = dataKeys.Select(k => EntityChange.Upsert(k)).Concat(added.Select(f => EntityChange.Upsert(f))).ToList();
            foreach (var own in added.GroupBy(f => f.PersonKey, StringComparer.Ordinal))
            {
                var person = seeded[own.Key];
                person.Facts.AddRange(own);
                var after = person.Facts.Select(f => f.ToView()).ToList();
                if (person.ViewToWrite(after) is { } view)
                {
                    writes.Add(EntityChange.Upsert(view));
                }

                resolver.Classify(new PersonChange(person, [], after), changes, work);
            }

            commits.Add(new PartitionPlan(partitionKey, plans[0].Merge, [], plans.Aggregate(new BatchCounts(), (sum, p) => sum + p.Counts), writes, []));
        }

        if (work.ToMatch.Count > 0 || work.Goldens.Count > 0)
        {
            throw new InvalidOperationException("The seed met persons that need matching or rebuilding, which it does not do.");
        }

        var concurrency = hub.GetRequiredService<IOptions<FeedProcessingOptions>>().Value.MergeConcurrency;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await residents.ApplyAsync(changes, concurrency, cancellationToken);
        await Parallel.ForEachAsync(commits, parallel, async (plan, token) =>
        {
            if (await facts.TryCommitAsync(plan, token) != WriteOutcome.Written)
            {
                throw new InvalidOperationException($"Seeding partition {plan.PartitionKey} met another writer; seed an empty store.");
            }
        });

        // The seed's batches, completed as the feeds would have left them, so the Hub knows what each source holds (a
        // delta no larger than that reads its persons by point reads).
        var batchStore = hub.GetRequiredService<BatchStore>();
        var now = DateTimeOffset.UtcNow;
        foreach (var source in PopulationLoad.Sources)
        {
            await batchStore.CreateAsync(
                new FeedBatch
                {
                    Id = batches[source],
                    Source = source,
                    Mode = FeedMode.Snapshot,
                    Status = BatchStatus.Completed,
                    ContentType = "text/csv",
                    ContentHash = string.Empty,
                    PayloadBytes = 0,
                    SubmittedBy = "population seed",
                    ReceivedAt = now,
                    FinishedAt = now,
                    Counts = new BatchCounts { Received = held[source], Inserted = held[source] },
                },
                cancellationToken);
        }

        return new PopulationLoadResult(persons, rows, commits.Sum(c => c.Counts.Inserted), stopwatch.Elapsed);
    }

    private static async Task<(long Received, long Accepted)> ReadAsync(SourceMapping mapping, PersonKeyHasher hasher, int persons, SortedDictionary<int, Dictionary<string, List<IncomingFact>>> incoming, CancellationToken cancellationToken)
    {
        using var feed = new MemoryStream();
        await FeedWriter.WritePopulationCsvAsync(feed, mapping, persons, PopulationLoad.Seed, PopulationLoad.Focus, PopulationLoad.Clean, cancellationToken);
        feed.Position = 0;
        var validator = new FeedRecordValidator(mapping, FeedFormat.Csv, hasher, ChinaStandardTime.DateOf(DateTimeOffset.UtcNow));
        long received = 0, accepted = 0;
        await foreach (var row in FeedReader.ReadAsync(feed, new FeedContentType(FeedFormat.Csv, Charset: null), mapping.Encoding, cancellationToken))
        {
            received++;
            if (!validator.TryAccept(row, out var record, out var personKey, out _) || !record.IsIdentified)
            {
                continue;
            }

            var key = personKey.Value;
            accepted++;
            if (!incoming.TryGetValue(key.Partition, out var bySource))
            {
                incoming[key.Partition] = bySource = [];
            }

            if (!bySource.TryGetValue(mapping.Id, out var records))
            {
                bySource[mapping.Id] = records = [];
            }

            records.Add(new IncomingFact(row.Number, key.Value, record.Discriminator, Identified: true, record.Attributes));
        }

        return (received, accepted);
    }

    // The form of the Hub's own batch ids (FeedIntake), so the facts name batches as the feeds' facts do.
    private static string BatchId() =>
        string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:yyyyMMddHHmmss}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}");

    // A data key row as the planner reads it with the partition.
    private static StoredRow KeyRow(DataKeyEntity key) =>
        new(new TableEntity(key.PartitionKey, key.RowKey)
        {
            [nameof(DataKeyEntity.PersonKey)] = key.PersonKey,
            [nameof(DataKeyEntity.KeyId)] = key.KeyId,
            [nameof(DataKeyEntity.Wrapped)] = key.Wrapped,
        });
}
