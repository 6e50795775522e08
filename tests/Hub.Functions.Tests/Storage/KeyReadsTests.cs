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
/// A set of known row keys of one partition is read by a point read a key or by a query for every 14 keys
/// (<see cref="EntityTable.GetRowsAsync"/>): both must find the same rows, and send the requests they promise, since
/// that count is the bill on Azure.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class KeyReadsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // A quote in the partition and in some keys: a value that is not escaped breaks the filter or widens it.
    private const string Partition = "p'1";

    private readonly TableRequestLog _requests = new();
    private readonly string _prefix = AzuriteFixture.UniquePrefix();
    private HubStorage _points = null!;
    private HubStorage _queries = null!;

    // Forty keys, some with a quote, a space or a character outside ASCII; every third is not stored.
    private static string[] Keys(int count) =>
        [.. Enumerable.Range(0, count).Select(i => i % 5 == 0 ? $"o'k{i:D2}" : i % 7 == 0 ? $"k{i:D2} 陈" : $"k{i:D2}")];

    private static bool IsStored(string key) => Array.IndexOf(Keys(40), key) % 3 != 2;

    public async Task InitializeAsync()
    {
        _points = Storage(KeyReadMode.PointReads);
        _queries = Storage(KeyReadMode.Queries);
        Assert.True(await _points.EnsureCreatedAsync());

        // The same keys stored in a neighbouring partition too, which a read of this one must not reach.
        foreach (var partition in new[] { Partition, "p'2" })
        {
            var rows = Keys(40).Where(IsStored).Select(k => EntityChange.Add(new TestRow { PartitionKey = partition, RowKey = k, Name = $"{partition} {k}" }));
            (await _points.GrantsTable.SubmitAsync(rows)).ThrowIfNotWritten();
        }
    }

    public async Task DisposeAsync() => await _points.DeleteAllAsync();

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(14, 1)]
    [InlineData(15, 2)]
    [InlineData(40, 3)]
    public async Task Keys_read_by_queries_find_the_rows_point_reads_find_with_a_query_for_every_14_keys(int keys, int queries)
    {
        var wanted = Keys(keys);

        var (byPoints, pointRequests) = await ReadAsync(_points, wanted);
        var (byQueries, queryRequests) = await ReadAsync(_queries, wanted);

        Assert.Equal(wanted.Where(IsStored).Select(k => $"{Partition} {k}").Order(StringComparer.Ordinal), byPoints.Select(r => r.GetString("Name")));
        Assert.Equal(Describe(byPoints), Describe(byQueries));
        Assert.Equal((keys, queries), (pointRequests, queryRequests));
    }

    [Fact]
    public async Task A_key_named_twice_is_read_once()
    {
        var (rows, requests) = await ReadAsync(_queries, [.. Keys(20), .. Keys(20)]);

        Assert.Equal(Keys(20).Count(IsStored), rows.Count);
        Assert.Equal(2, requests);
    }

    [Fact]
    public async Task Keys_of_a_missing_table_read_as_no_rows_in_either_mode()
    {
        var prefix = AzuriteFixture.UniquePrefix();

        Assert.Empty(await Storage(KeyReadMode.Queries, prefix).GrantsTable.GetRowsAsync(Partition, Keys(20)));
        Assert.Empty(await Storage(KeyReadMode.PointReads, prefix).GrantsTable.GetRowsAsync(Partition, Keys(3)));
    }

    [Fact]
    public void Auto_reads_keys_by_point_reads_on_the_emulator_and_by_queries_on_an_https_account_but_the_candidate_index_by_point_reads()
    {
        Assert.Equal(KeyReadMode.PointReads, Storage(KeyReadMode.Auto).KeyReads);
        Assert.Equal(KeyReadMode.PointReads, Storage("UseDevelopmentStorage=true", KeyReadMode.Auto).KeyReads);
        Assert.Equal(KeyReadMode.Queries, InAzure(KeyReadMode.Auto).KeyReads);
        Assert.Equal(KeyReadMode.Queries, InAzure(KeyReadMode.Auto).FactsTable.KeyReads);

        // A candidate partition is a sixteenth of the index, and Azure scans a partition for a query that joins row keys with "or".
        Assert.Equal(KeyReadMode.PointReads, InAzure(KeyReadMode.Auto).CandidatesTable.KeyReads);
        Assert.Equal(KeyReadMode.Queries, InAzure(KeyReadMode.Queries).CandidatesTable.KeyReads);

        // Either way a setting decides over the account.
        Assert.Equal(KeyReadMode.Queries, Storage(KeyReadMode.Queries).KeyReads);
        Assert.Equal(KeyReadMode.PointReads, InAzure(KeyReadMode.PointReads).KeyReads);
    }

    private async Task<(List<StoredRow> Rows, int Requests)> ReadAsync(HubStorage storage, string[] keys)
    {
        var table = storage.GrantsTable.Name;
        var before = _requests.Requests(table);
        var rows = await storage.GrantsTable.GetRowsAsync(Partition, keys);
        return ([.. rows.OrderBy(r => r.RowKey, StringComparer.Ordinal)], _requests.Requests(table) - before);
    }

    private static List<string> Describe(IEnumerable<StoredRow> rows) =>
        [.. rows.Select(r => $"{r.PartitionKey} {r.RowKey} {r.Version?.Value} {r.GetString("Name")}")];

    private HubStorage Storage(KeyReadMode mode, string? prefix = null) => Storage(azurite.ConnectionString, mode, prefix);

    private HubStorage Storage(string connectionString, KeyReadMode mode, string? prefix = null)
    {
        var options = new TableClientOptions();
        options.AddPolicy(_requests, HttpPipelinePosition.PerRetry);
        return new HubStorage(
            new TableServiceClient(connectionString, options),
            new BlobServiceClient(connectionString),
            new QueueServiceClient(connectionString),
            Options.Create(new HubStorageOptions { ConnectionString = connectionString, NamePrefix = prefix ?? _prefix, KeyReads = mode }));
    }

    // An account in Azure, reached by its service URIs; nothing is sent to it.
    private static HubStorage InAzure(KeyReadMode mode) => new(
        new TableServiceClient(new Uri("https://hubcity.table.core.windows.net"), new TableSharedKeyCredential("hubcity", Convert.ToBase64String(new byte[64]))),
        new BlobServiceClient(new Uri("https://hubcity.blob.core.windows.net")),
        new QueueServiceClient(new Uri("https://hubcity.queue.core.windows.net")),
        Options.Create(new HubStorageOptions { AccountName = "hubcity", KeyReads = mode }));
}
