using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Hub.Core.Storage;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;
using Microsoft.Extensions.Options;

namespace Hub.Functions.Tests.Storage;

/// <summary>
/// <c>facts</c> and <c>candidates</c> split over sixteen tables by partition (<see cref="TableSplit"/>): every write
/// lands in the table of its partition, every read finds it there, a query over several partitions reads the tables
/// in partition order, and a store written with one split is not opened with another.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class SplitTablesTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // Partitions in tables 0, 1, 4, 4, 9 and 15 of sixteen, one row each and three in p123.
    private static readonly string[] Partitions = ["p000", "p040", "p100", "p123", "p25a", "p3ff"];

    private readonly string _prefix = AzuriteFixture.UniquePrefix();
    private HubStorage _storage = null!;

    public async Task InitializeAsync()
    {
        _storage = Storage(16);
        Assert.True(await _storage.EnsureCreatedAsync());
        foreach (var partition in Partitions)
        {
            var rows = Enumerable.Range(0, partition == "p123" ? 3 : 1).Select(i => EntityChange.Add(new TestRow { PartitionKey = partition, RowKey = $"r{i}", Name = partition }));
            (await _storage.FactsTable.SubmitAsync(rows)).ThrowIfNotWritten();
        }
    }

    public async Task DisposeAsync() => await _storage.DeleteAllAsync();

    [Fact]
    public async Task Each_row_is_written_to_the_table_of_its_partition_and_read_back_from_it()
    {
        foreach (var partition in Partitions)
        {
            var table = _storage.FactTables[TableSplit.Facts(16).TableOf(partition)];
            Assert.Equal(partition, (await table.GetEntityAsync<TableEntity>(partition, "r0")).Value.GetString("Name"));
            Assert.Equal(partition, (await _storage.FactsTable.GetAsync<TestRow>(partition, "r0"))?.Name);
        }

        await _storage.FactsTable.UpsertAsync(new TestRow { PartitionKey = "p25a", RowKey = "r1", Name = "upserted" }, EntityUpdateMode.Replace);
        Assert.Equal(WriteOutcome.Written, await _storage.FactsTable.DeleteAsync("p3ff", "r0"));

        Assert.Equal("upserted", (await _storage.FactTables[9].GetEntityAsync<TableEntity>("p25a", "r1")).Value.GetString("Name"));
        Assert.False(await _storage.FactsTable.ExistsAsync("p3ff", "r0"));
        var holding = new List<int>();
        for (var i = 0; i < _storage.FactTables.Count; i++)
        {
            if (await _storage.FactTables[i].QueryAsync<TableEntity>(maxPerPage: 1).AnyAsync())
            {
                holding.Add(i);
            }
        }

        Assert.Equal([0, 1, 4, 9], holding);
    }

    [Fact]
    public async Task A_candidate_row_is_written_to_the_table_of_its_partition()
    {
        (await _storage.CandidatesTable.SubmitAsync([EntityChange.Add(new TestRow { PartitionKey = "c7", RowKey = "k", Name = "c7" })])).ThrowIfNotWritten();

        Assert.Equal("c7", (await _storage.CandidateTables[7].GetEntityAsync<TableEntity>("c7", "k")).Value.GetString("Name"));
        Assert.Equal("c7", (await _storage.CandidatesTable.GetRowsAsync("c7", ["k", "none"])).Single().GetString("Name"));
        Assert.False(await _storage.Candidates.QueryAsync<TableEntity>().AnyAsync());
    }

    [Fact]
    public async Task A_query_over_every_partition_reads_the_tables_in_partition_order()
    {
        var all = await _storage.FactsTable.QueryRowsAsync("Name ne ''").Select(r => $"{r.PartitionKey}/{r.RowKey}").ToListAsync();
        var range = await _storage.FactsTable.QueryRowsAsync(TableFilter.Of($"PartitionKey ge {"p040"} and PartitionKey le {"p25a"}")).Select(r => r.PartitionKey).ToListAsync();

        Assert.Equal(["p000/r0", "p040/r0", "p100/r0", "p123/r0", "p123/r1", "p123/r2", "p25a/r0", "p3ff/r0"], all);
        Assert.Equal(["p040", "p100", "p123", "p123", "p123", "p25a"], range);
    }

    [Fact]
    public async Task Pages_go_on_from_table_to_table_until_every_row_is_read()
    {
        var read = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _storage.FactsTable.QueryPageAsync<TestRow>("Name ne ''", token, 2);
            read.AddRange(page.Items.Select(r => $"{r.PartitionKey}/{r.RowKey}"));
            token = page.ContinuationToken;
            Assert.True(++pages < 40, "the pages did not end");
        }
        while (token is not null);

        Assert.Equal(["p000/r0", "p040/r0", "p100/r0", "p123/r0", "p123/r1", "p123/r2", "p25a/r0", "p3ff/r0"], read);
    }

    [Fact]
    public async Task A_store_is_opened_only_with_the_layout_it_was_written_with()
    {
        Assert.Null(await _storage.FindSplitMismatchAsync());
        Assert.Contains("Hub:Storage:SplitTables", await Storage(1).FindSplitMismatchAsync());
        Assert.NotNull(await Storage(4).FindSplitMismatchAsync());

        // A store written with one table each, as every store was before the split: its p100 fact and its c5 candidate
        // row are not where sixteen look.
        var single = Storage(1, AzuriteFixture.UniquePrefix());
        try
        {
            Assert.True(await single.EnsureCreatedAsync());
            var prefix = single.Facts.Name[..^"facts".Length];
            Assert.Null(await Storage(16, prefix).FindSplitMismatchAsync());
            await single.CandidatesTable.UpsertAsync(new TestRow { PartitionKey = "c5", RowKey = "k", Name = "old" }, EntityUpdateMode.Replace);
            Assert.Contains("candidates", await Storage(16, prefix).FindSplitMismatchAsync());
            await single.FactsTable.UpsertAsync(new TestRow { PartitionKey = "p100", RowKey = "r0", Name = "old" }, EntityUpdateMode.Replace);

            Assert.Null(await single.FindSplitMismatchAsync());
            Assert.Contains("facts", await Storage(16, prefix).FindSplitMismatchAsync());
            Assert.Null(await Storage(16, AzuriteFixture.UniquePrefix()).FindSplitMismatchAsync());
        }
        finally
        {
            await single.DeleteAllAsync();
        }
    }

    [Fact]
    public async Task A_district_of_residents_split_by_street_class_is_read_in_key_order_across_its_tables()
    {
        // Twenty streets of one district and two of the next, three rows each, and provisional search rows: the streets
        // lie in every table of sixteen, out of key order.
        var streets = Enumerable.Range(1, 20).Select(n => $"110105{n:d3}").Append("110106001").Append("110106002").ToList();
        await WriteResidentsAsync(_storage, streets.Append("p1a").Append("p00"), rowsEach: 3);

        var district = await _storage.ResidentsTable.QueryAsync<TestRow>(TableFilter.Of($"PartitionKey ge {"110105"} and PartitionKey lt {"110106"}"), pageSize: 2)
            .Select(r => $"{r.PartitionKey}/{r.RowKey}").ToListAsync();
        var street = await _storage.ResidentsTable.QueryRowsAsync(TableFilter.Of($"PartitionKey eq {"110105007"}")).Select(r => r.RowKey).ToListAsync();
        var all = await _storage.ResidentsTable.QueryRowsAsync("Name ne ''").Select(r => $"{r.PartitionKey}/{r.RowKey}").ToListAsync();

        Assert.Equal(streets.Take(20).SelectMany(s => Enumerable.Range(0, 3).Select(i => $"{s}/r{i}")), district);
        Assert.Equal(["r0", "r1", "r2"], street);
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        Assert.Equal(streets.Count * 3 + 6, all.Count);
        Assert.Equal(16, streets.Select(_storage.ResidentsSplit.TableOf).Distinct().Count());
        foreach (var partition in streets.Append("p1a"))
        {
            Assert.True((await _storage.ResidentTableOf(partition).GetEntityIfExistsAsync<TableEntity>(partition, "r0")).HasValue);
        }
    }

    [Fact]
    public async Task A_resident_index_written_whole_is_spread_over_its_split_and_then_opened()
    {
        // Written with one table each, as every store was before residents was split on the emulator.
        var single = Storage(1, AzuriteFixture.UniquePrefix());
        var prefix = single.Facts.Name[..^"facts".Length];
        try
        {
            Assert.True(await single.EnsureCreatedAsync());
            var partitions = Enumerable.Range(1, 20).Select(n => $"110105{n:d3}").Append("p1a").Append("layout").ToList();
            await WriteResidentsAsync(single, partitions, rowsEach: 2);
            var written = await single.ResidentsTable.QueryRowsAsync("Name ne ''").Select(r => $"{r.PartitionKey}/{r.RowKey}").ToListAsync();
            var split = Storage(16, prefix);
            Assert.True(await split.EnsureCreatedAsync());
            Assert.Contains("residents", await split.FindSplitMismatchAsync());

            var moved = await split.SpreadResidentsAsync();

            var stayed = partitions.Where(p => split.ResidentsSplit.TableOf(p) == 0).ToList();
            Assert.Equal((partitions.Count - stayed.Count) * 2, moved);
            Assert.Null(await split.FindSplitMismatchAsync());
            Assert.Equal(written, await split.ResidentsTable.QueryRowsAsync("Name ne ''").Select(r => $"{r.PartitionKey}/{r.RowKey}").ToListAsync());
            Assert.Equal(stayed.Order(StringComparer.Ordinal), await split.Residents.QueryAsync<TableEntity>(select: ["PartitionKey"]).Select(r => r.PartitionKey).Distinct().ToListAsync());
            Assert.Equal(0, await split.SpreadResidentsAsync());

            // Read again whole, the store is refused: its rows lie in tables a single table does not have.
            Assert.Contains("residents", await Storage(1, prefix).FindSplitMismatchAsync());
            Assert.Equal(0, await Storage(1, prefix).SpreadResidentsAsync());
        }
        finally
        {
            await Storage(16, prefix).DeleteAllAsync();
        }
    }

    [Fact]
    public async Task A_resident_index_written_with_another_split_is_refused_not_spread()
    {
        var prefix = AzuriteFixture.UniquePrefix();
        var eight = Storage(8, prefix);
        try
        {
            Assert.True(await eight.EnsureCreatedAsync());
            await WriteResidentsAsync(eight, Enumerable.Range(1, 20).Select(n => $"110105{n:d3}"), rowsEach: 1);
            var sixteen = Storage(16, prefix);
            Assert.True(await sixteen.EnsureCreatedAsync());

            Assert.Equal(0, await sixteen.SpreadResidentsAsync());
            Assert.Contains("residents", await sixteen.FindSplitMismatchAsync());
            Assert.Null(await eight.FindSplitMismatchAsync());
        }
        finally
        {
            await Storage(16, prefix).DeleteAllAsync();
        }
    }

    [Fact]
    public async Task The_start_up_check_asks_only_the_tables_that_exist()
    {
        // One table each, as on Azure: a listing of each split's tables, and no query to the fifteen a split of sixteen
        // would add, nor to a first table that may hold every partition.
        var requests = new TableRequestLog();
        var single = Storage(1, AzuriteFixture.UniquePrefix(), requests);
        try
        {
            Assert.True(await single.EnsureCreatedAsync());
            var before = requests.Totals().Values.Sum(t => t.Requests);

            Assert.Null(await single.FindSplitMismatchAsync());

            Assert.Equal(3, requests.Totals().Values.Sum(t => t.Requests) - before);
        }
        finally
        {
            await single.DeleteAllAsync();
        }
    }

    [Fact]
    public void Left_to_choose_the_emulator_splits_facts_and_candidates_into_sixteen_tables_and_Azure_keeps_one()
    {
        Assert.Equal(16, Storage(0).FactTables.Count);
        var emulator = Storage(0).FactTables;
        Assert.Equal(["facts", "facts01", "facts15"], [emulator[0].Name[_prefix.Length..], emulator[1].Name[_prefix.Length..], emulator[15].Name[_prefix.Length..]]);
        var azure = new HubStorage(
            new TableServiceClient(new Uri("https://hubcity.table.core.windows.net"), new TableSharedKeyCredential("hubcity", Convert.ToBase64String(new byte[64]))),
            new BlobServiceClient(new Uri("https://hubcity.blob.core.windows.net")),
            new QueueServiceClient(new Uri("https://hubcity.queue.core.windows.net")),
            Options.Create(new HubStorageOptions { AccountName = "hubcity" }));
        Assert.Equal(["facts"], azure.FactTables.Select(t => t.Name));
        Assert.Equal(["candidates"], azure.CandidateTables.Select(t => t.Name));

        // Either way a setting decides over the account.
        Assert.Equal(4, Storage(4).FactTables.Count);
        Assert.Equal(["candidates", "candidates15"], [Storage(0).CandidateTables[0].Name[_prefix.Length..], Storage(0).CandidateTables[15].Name[_prefix.Length..]]);
    }

    private static async Task WriteResidentsAsync(HubStorage storage, IEnumerable<string> partitions, int rowsEach)
    {
        foreach (var partition in partitions)
        {
            var rows = Enumerable.Range(0, rowsEach).Select(i => EntityChange.Add(new TestRow { PartitionKey = partition, RowKey = $"r{i}", Name = partition }));
            (await storage.ResidentsTable.SubmitAsync(rows)).ThrowIfNotWritten();
        }
    }

    private HubStorage Storage(int factTables, string? prefix = null, TableRequestLog? requests = null)
    {
        var options = new TableClientOptions();
        if (requests is not null)
        {
            options.AddPolicy(requests, HttpPipelinePosition.PerRetry);
        }

        return new HubStorage(
            new TableServiceClient(azurite.ConnectionString, options),
            new BlobServiceClient(azurite.ConnectionString),
            new QueueServiceClient(azurite.ConnectionString),
            Options.Create(new HubStorageOptions { ConnectionString = azurite.ConnectionString, NamePrefix = prefix ?? _prefix, SplitTables = factTables }));
    }
}
