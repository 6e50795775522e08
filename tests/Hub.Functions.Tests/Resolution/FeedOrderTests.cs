using Hub.Core.Feeds.Batches;
using Hub.Core.Identity.Resolution;
using Hub.Core.Profiles.Facts;
using Hub.Core.Storage;
using Hub.Functions.Tests.Infrastructure;
using Hub.Samples;

namespace Hub.Functions.Tests.Resolution;

/// <summary>
/// Resolution converges: the four departments' feeds of one population, pushed in every one of the 24 orders, leave
/// the same persons (which records belong together) and the same steward queue.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class FeedOrderTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_four_departments_feeds_in_all_24_orders_leave_the_same_persons_and_queue()
    {
        var population = new PopulationGenerator(new PopulationOptions { People = 120, Seed = 4242 }).Generate();
        var options = new FeedWriterOptions { MistakeRate = 0.1, IdProblemRate = 0.15 };
        var feeds = new List<(string Source, byte[] Body, string ContentType)>();
        foreach (var (source, _, format) in SampleSet.Layout)
        {
            using var stream = new MemoryStream();
            await FeedWriter.WriteAsync(FeedWriter.Compose(population, ShippedSources.Get(source), options), stream, format);
            feeds.Add((source, stream.ToArray(), ContentTypeOf(format)));
        }

        var states = new Dictionary<string, EndState>(StringComparer.Ordinal);
        foreach (var order in Permutations(feeds.Count))
        {
            await using var hub = new HubFactory(azurite);
            foreach (var (source, body, contentType) in order.Select(i => feeds[i]))
            {
                var report = await hub.CreatePublisherClient(source).PushAndWaitAsync(source, body, contentType);
                Assert.True(report.Status == BatchStatus.Completed, $"The {source} batch failed: {report.FailureReason}");
            }

            states[string.Join(" ", order.Select(i => feeds[i].Source))] = await EndStateAsync(hub.Storage);
        }

        var first = states.First();
        Assert.True(first.Value.Linked > 0, "The population should give records that are linked without an ID.");
        Assert.Equal(24, states.Count);
        foreach (var (order, state) in states)
        {
            Assert.True(first.Value.Persons.SetEquals(state.Persons), $"Persons after {order} differ from {first.Key}.");
            Assert.True(first.Value.Queue.SetEquals(state.Queue), $"The queue after {order} differs from {first.Key}.");
        }
    }

    private static string ContentTypeOf(SampleFileFormat format) => format switch
    {
        SampleFileFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        SampleFileFormat.Ndjson => "application/x-ndjson",
        _ => "text/csv",
    };

    private static IEnumerable<int[]> Permutations(int count)
    {
        if (count == 1)
        {
            yield return [0];
            yield break;
        }

        foreach (var rest in Permutations(count - 1))
        {
            for (var at = 0; at <= rest.Length; at++)
            {
                yield return [.. rest[..at], count - 1, .. rest[at..]];
            }
        }
    }

    // Which keys belong together (each person as its sorted keys), whatever key each group is filed under, and the queue.
    private static async Task<EndState> EndStateAsync(HubStorage storage)
    {
        var golden = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var link in storage.FactsTable.QueryAsync<LinkEntity>(filter: null))
        {
            if (link.RowKey == ResolutionRows.Link(link.PersonKey))
            {
                golden[link.PersonKey] = link.Golden;
            }
        }

        var persons = golden.Keys.Concat(golden.Values).Distinct(StringComparer.Ordinal)
            .GroupBy(k => golden.GetValueOrDefault(k) ?? k, StringComparer.Ordinal)
            .Select(g => string.Join(",", g.Order(StringComparer.Ordinal)))
            .ToHashSet(StringComparer.Ordinal);
        var queue = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var item in storage.ReviewsTable.QueryAsync<QueueEntity>(filter: null))
        {
            queue.Add(item.RowKey);
        }

        return new EndState(persons, queue, golden.Count(g => g.Key != g.Value));
    }

    private sealed record EndState(HashSet<string> Persons, HashSet<string> Queue, int Linked);
}
