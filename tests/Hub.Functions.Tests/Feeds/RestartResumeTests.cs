using System.Net.Http.Json;
using Azure.Data.Tables;
using Hub.Core.Access;
using Hub.Core.Feeds.Batches;
using Hub.Core.Storage;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;

namespace Hub.Functions.Tests.Feeds;

[Collection(AzuriteFixture.Collection)]
public sealed class RestartResumeTests(AzuriteFixture azurite)
{
    private const int Rows = 40_000;

    [Fact]
    public async Task A_hub_killed_mid_batch_resumes_and_stores_every_record_exactly_once()
    {
        var prefix = AzuriteFixture.UniquePrefix();
        var settings = new Dictionary<string, string>
        {
            // A message whose worker died reappears after this long (in Azure: the queue's 10-minute default).
            ["Hub:Triggers:VisibilityTimeout"] = "00:00:04",
            ["Hub:Feeds:MergeConcurrency"] = "2",
        };
        Uri location;
        BatchCounts seenBeforeKill;

        await using (var first = await HubProcess.StartAsync(azurite.ConnectionString, prefix, settings))
        {
            using var client = PublisherClient(first.Address);
            using var pushed = await client.PushAsync("civil-affairs", TestPeople.CivilAffairsCsv(Enumerable.Range(0, Rows)), "text/csv");
            location = pushed.Headers.Location!;
            seenBeforeKill = await WaitForPartialProgressAsync(client, location);
            first.Kill();
        }

        await using var second = await HubProcess.StartAsync(azurite.ConnectionString, prefix, settings);
        using var resumed = PublisherClient(second.Address);
        // Generous: the test is about what the second attempt stores, not how fast; every record files candidate keys
        // too, and CI machines are shared.
        var report = await resumed.WaitForBatchAsync(location, TimeSpan.FromMinutes(8));

        Assert.InRange(seenBeforeKill.Inserted, 1, Rows - 1);
        Assert.Equal(BatchStatus.Completed, report.Status);
        Assert.Equal(new BatchCounts { Received = Rows, Inserted = Rows }, report.Counts);
        var tables = new TableServiceClient(azurite.ConnectionString);
        var split = TableSplit.Facts(new HubStorageOptions().SplitTablesFor(tables));
        var factTables = Enumerable.Range(0, split.Count).Select(i => tables.GetTableClient(split.TableName(prefix, i))).ToList();
        var rows = await factTables.ToAsyncEnumerable().SelectMany(t => t.QueryAsync<TableEntity>(select: ["RowKey"])).ToListAsync();
        var facts = rows.Where(r => !r.RowKey.Contains("|~", StringComparison.Ordinal)).ToList();
        Assert.Equal(Rows, facts.Count);
        Assert.Equal(Rows, facts.Select(f => f.RowKey).Distinct(StringComparer.Ordinal).Count());

        // Every person (one record each) has their view, whichever attempt wrote their fact.
        Assert.Equal(Rows, rows.Count(r => r.RowKey.EndsWith("|~view", StringComparison.Ordinal)));
        var batch = await tables.GetTableClient($"{prefix}batches").GetEntityAsync<TableEntity>("civil-affairs", report.Id);
        Assert.True(batch.Value.GetInt32("Attempts") >= 2, "the batch should have been resumed by a second attempt");

        await Task.WhenAll(factTables.Select(t => t.DeleteAsync()));
        await tables.DeleteTableAsync($"{prefix}batches");
    }

    private static HttpClient PublisherClient(Uri address)
    {
        var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", DevelopmentTokens.Mint("civil-affairs-client", [HubRoles.FeedPublisher("civil-affairs")]));
        return client;
    }

    private static async Task<BatchCounts> WaitForPartialProgressAsync(HttpClient client, Uri location)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var report = await client.GetFromJsonAsync<BatchReport>(location, FeedClient.Json);
            if (report!.Status == BatchStatus.Completed)
            {
                throw new InvalidOperationException("The batch completed before the test could interrupt it; raise the row count.");
            }

            if (report.Counts.Inserted > 0)
            {
                return report.Counts;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The batch made no progress.");
    }
}
