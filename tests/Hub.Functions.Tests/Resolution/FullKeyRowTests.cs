using System.Globalization;
using System.Text;
using Azure.Core;
using Azure.Data.Tables;
using Hub.Core.Access.Residents;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Functions.Tests.Resolution;

/// <summary>
/// A blocking key shared by more persons than a row of the candidate index takes (252 on Azure, which refuses the
/// transaction that would add the 253rd): a department's export that gives thousands the same placeholder. The row is
/// filled and the persons past it are not filed under that key; the batch completes. The store here refuses as Azure
/// does (<see cref="ColumnCeiling"/>).
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class FullKeyRowTests : IAsyncLifetime
{
    private const string Community = "110105003002";

    private readonly AzuriteFixture _azurite;
    private readonly ColumnCeiling _ceiling;
    private readonly ResolutionHub _hub;

    public FullKeyRowTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        _ceiling = new ColumnCeiling(azurite.ConnectionString);
        _hub = new ResolutionHub(azurite, testServices: _ceiling.AddTo);
    }

    private CandidateIndex Index => _hub.Factory.Services.GetRequiredService<CandidateIndex>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task The_store_refuses_a_transaction_that_would_take_a_row_past_its_columns_as_Azure_does()
    {
        var options = new TableClientOptions();
        options.AddPolicy(new ColumnCeiling(_azurite.ConnectionString, columns: 2), HttpPipelinePosition.PerRetry);
        var table = new TableServiceClient(_azurite.ConnectionString, options).GetTableClient(_hub.Factory.Prefix + "ceiling");
        await table.CreateIfNotExistsAsync();
        try
        {
            await table.AddEntityAsync(new TableEntity("p", "full") { ["a"] = "1", ["b"] = "2" });

            var refused = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync([
                new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("p", "new") { ["a"] = "1" }),
                new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("p", "full") { ["c"] = "3" }),
            ]));

            // Nothing of it was written; a merge into the full row that adds no column is taken.
            Assert.Equal((400, "TooManyProperties", 1), (refused.Status, refused.ErrorCode, refused.FailedTransactionActionIndex));
            Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "new")).HasValue);
            await table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("p", "full") { ["b"] = "4" })]);
            Assert.Equal("4", (await table.GetEntityAsync<TableEntity>("p", "full")).Value.GetString("b"));
        }
        finally
        {
            await table.DeleteAsync();
        }
    }

    [Fact]
    public async Task A_row_is_filled_to_the_columns_it_takes_and_the_entries_past_them_are_left_out()
    {
        const string token = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
        var persons = Enumerable.Range(0, 300).Select(i => $"{i:x32}").ToList();

        // A batch files the first 100; the next batch's 200 would take the row past its columns.
        Assert.Equal(0, await Index.ApplyAsync(persons.Take(100).Select(p => CandidateIndex.Entry(token, p, "r1")), [], concurrency: 4));
        var unfiled = await Index.ApplyAsync(persons.Skip(100).Select(p => CandidateIndex.Entry(token, p, "r1")), [], concurrency: 4);

        Assert.Equal(300 - CandidateKeyRows.ColumnsPerRow, unfiled);
        Assert.True(_ceiling.Refused > 0, "The store never refused a write, so the ceiling was not reached.");
        var filed = await Index.FindAsync(token);
        Assert.Equal(persons.Take(CandidateKeyRows.ColumnsPerRow), filed.Select(f => f.Person).Order(StringComparer.Ordinal));

        // A filed person's entry still changes; a new person finds no room, and nothing fails.
        unfiled = await Index.ApplyAsync([CandidateIndex.Entry(token, persons[0], "r2"), CandidateIndex.Entry(token, $"{1000:x32}", "r1")], [], concurrency: 4);

        Assert.Equal(1, unfiled);
        filed = await Index.FindAsync(token);
        Assert.Equal(CandidateKeyRows.ColumnsPerRow, filed.Count);
        Assert.Equal("r2", Assert.Single(filed, f => f.Person == persons[0]).Records);
    }

    [Fact]
    public async Task A_feed_that_gives_three_hundred_persons_one_name_in_one_community_completes()
    {
        var csv = new StringBuilder("身份证号码,姓名,性别,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格\r\n");
        foreach (var i in Enumerable.Range(1, 300))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{TestPeople.Id(i)},王伟,男,城市低保,1250,2024/3/1,{Community},G07\r\n");
        }

        var report = await _hub.PushAsync("civil-affairs", Encoding.UTF8.GetBytes(csv.ToString()));

        Assert.Equal(300, report.Counts.Inserted);
        Assert.True(_ceiling.Refused > 0, "The store never refused a write, so the ceiling was not reached.");
    }
}
