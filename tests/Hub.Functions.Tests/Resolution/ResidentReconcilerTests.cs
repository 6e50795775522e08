using Azure.Data.Tables;
using Hub.Core.Access.Residents;
using Hub.Core.Identity.Matching;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Profiles.Facts;
using Hub.Core.Storage;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Functions.Tests.Resolution.ResolutionFeeds;

namespace Hub.Functions.Tests.Resolution;

[Collection(AzuriteFixture.Collection)]
public sealed class ResidentReconcilerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string First = Id("11010519400101011");
    private static readonly string Second = Id("11010519420202022");

    private readonly ResolutionHub _hub = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task An_index_in_step_with_the_facts_is_left_untouched()
    {
        await _hub.PushAsync("police", Police(new PoliceRow(First, "李国强", "男", Household: "7", Relation: "户主")));
        var before = await RowsAsync();

        var result = await ReconcileAsync();

        Assert.Equal((before.Count + await CandidateEntriesAsync(), 0, 0, 0), (result.RowsChecked, result.RowsDeleted, result.PersonsRebuilt, result.ViewsWritten));
        Assert.Equal(before.Select(r => (r.RowKey, r.Version)), (await RowsAsync()).Select(r => (r.RowKey, r.Version)));
    }

    [Fact]
    public async Task A_person_several_departments_report_is_left_untouched_too()
    {
        await _hub.PushAsync("police", Police(new PoliceRow(First, "李国强", "男"), new PoliceRow(Second, "张秀英", "女", Relation: "妻")));
        await _hub.PushAsync("civil-affairs", CivilAffairs(First, "李国强", "男", "1940-01-01", phone: "13812345678"));
        await _hub.PushAsync("disability-federation", DisabilityFederation(First, "李国强", "男"));
        var before = await RowsAsync();

        var result = await ReconcileAsync();

        Assert.Equal((0, 0, 0), (result.RowsDeleted, result.PersonsRebuilt, result.ViewsWritten));
        Assert.Equal(before.Select(r => (r.RowKey, r.Version)), (await RowsAsync()).Select(r => (r.RowKey, r.Version)));
    }

    [Fact]
    public async Task A_missing_row_is_written_again_a_changed_one_corrected_and_a_row_nobody_has_deleted()
    {
        await _hub.PushAsync("police", Police(
            new PoliceRow(First, "李国强", "男", Household: "7", Relation: "户主"),
            new PoliceRow(Second, "张秀英", "女", Household: "7", Relation: "妻")));
        var expected = await RowsAsync();
        var storage = _hub.Factory.Storage;
        var lost = expected.First(r => r.PersonKey == _hub.KeyOf(First));
        var altered = expected.First(r => r.PersonKey == _hub.KeyOf(Second));
        await storage.ResidentTableOf(lost.PartitionKey).DeleteEntityAsync(lost.PartitionKey, lost.RowKey);
        await storage.ResidentTableOf(altered.PartitionKey).UpsertEntityAsync(new ResidentEntity { PartitionKey = altered.PartitionKey, RowKey = altered.RowKey, PersonKey = altered.PersonKey, Memberships = "dibao:2020-01-01:" }, TableUpdateMode.Replace);
        await storage.ResidentTableOf("110105009").UpsertEntityAsync(new ResidentEntity { PartitionKey = "110105009", RowKey = $"001|G01|{"0123456789abcdef0123456789abcdef"}", PersonKey = "0123456789abcdef0123456789abcdef" });

        // Rows written before the job starts are the ones it judges; rows written since are a batch's.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var result = await ReconcileAsync();

        Assert.Equal(1, result.RowsDeleted);
        Assert.Equal(2, result.PersonsRebuilt);
        var after = await RowsAsync();
        Assert.Equal(expected.Select(r => (r.PartitionKey, r.RowKey)), after.Select(r => (r.PartitionKey, r.RowKey)));
        Assert.Equal(altered.Memberships, after.Single(r => r.RowKey == altered.RowKey).Memberships);
        Assert.Equal(altered.Records, after.Single(r => r.RowKey == altered.RowKey).Records);
    }

    [Fact]
    public async Task A_missing_or_altered_person_view_is_written_again_from_the_facts()
    {
        await _hub.PushAsync("police", Police(
            new PoliceRow(First, "李国强", "男", Household: "7", Relation: "户主"),
            new PoliceRow(Second, "张秀英", "女", Household: "7", Relation: "妻")));
        var facts = _hub.Factory.Services.GetRequiredService<FactStore>();
        var (first, second) = (PersonKey.Parse(_hub.KeyOf(First)), PersonKey.Parse(_hub.KeyOf(Second)));
        var expected = (await facts.ReadViewAsync(second))!;
        var lost = (await facts.ReadViewAsync(first))!;
        await _hub.Factory.Storage.FactTableOf(lost.PartitionKey).DeleteEntityAsync(lost.PartitionKey, lost.RowKey);
        var altered = (await facts.ReadViewAsync(second))!;
        altered.Facts = "[]";
        await _hub.Factory.Storage.FactsTable.UpdateAsync(altered, altered.Version!.Value, EntityUpdateMode.Replace);

        var result = await ReconcileAsync();
        var again = await ReconcileAsync();

        Assert.Equal((2, 0), (result.ViewsWritten, again.ViewsWritten));
        Assert.True((await facts.ReadViewAsync(first))!.SameContent(lost));
        Assert.True((await facts.ReadViewAsync(second))!.SameContent(expected));
    }

    [Fact]
    public async Task An_entry_filed_in_the_single_row_its_key_had_before_it_was_spread_moves_to_its_persons_row()
    {
        await _hub.PushAsync("police", Police(new PoliceRow(First, "李国强", "男", Household: "7", Relation: "户主")));
        var storage = _hub.Factory.Storage;
        var expected = await CandidateRowsAsync();
        var spread = expected.Where(r => r.RowKey.Contains('~', StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(spread);
        foreach (var row in spread)
        {
            // As a store written before the birth date and the name sound with the county had rows of their own kept them.
            var single = new TableEntity(row.PartitionKey, row.RowKey[..row.RowKey.IndexOf('~', StringComparison.Ordinal)]);
            foreach (var column in row.Keys.Where(k => k.StartsWith(CandidateSearch.ColumnPrefix, StringComparison.Ordinal)))
            {
                single[column] = row[column];
            }

            await storage.CandidateTableOf(single.PartitionKey).AddEntityAsync(single);
            await storage.CandidateTableOf(row.PartitionKey).DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var result = await ReconcileAsync();

        Assert.Equal((spread.Count, 1), (result.RowsDeleted, result.PersonsRebuilt));
        var after = await CandidateRowsAsync();
        Assert.Equal(expected.Select(r => (r.PartitionKey, r.RowKey)), after.Select(r => (r.PartitionKey, r.RowKey)));
        Assert.All(spread, r => Assert.Equal(r.GetString(CandidateSearch.Column(_hub.KeyOf(First))), after.Single(a => a.RowKey == r.RowKey).GetString(CandidateSearch.Column(_hub.KeyOf(First)))));
        var found = await _hub.Factory.Services.GetRequiredService<ResidentIndex>().FindCandidatesAsync(new MatchRecord { BirthDate = new DateOnly(1940, 1, 1) });
        Assert.Equal([_hub.KeyOf(First)], found.Select(c => c.Person.Value).Distinct());
        var again = await ReconcileAsync();
        Assert.Equal((0, 0), (again.RowsDeleted, again.PersonsRebuilt));
    }

    private Task<ReconcileResult> ReconcileAsync() => _hub.Factory.Services.GetRequiredService<ResidentReconciler>().RunAsync();

    // The resident rows, without the streets' version rows, which every write moves.
    // One per person and blocking key: the columns of the candidate index's rows.
    private async Task<int> CandidateEntriesAsync() =>
        (await _hub.Factory.Storage.QueryCandidatesAsync().ToListAsync()).Sum(r => r.Keys.Count(k => k.StartsWith(CandidateSearch.ColumnPrefix, StringComparison.Ordinal)));

    private async Task<List<TableEntity>> CandidateRowsAsync() =>
        (await _hub.Factory.Storage.QueryCandidatesAsync().ToListAsync()).OrderBy(r => r.PartitionKey, StringComparer.Ordinal).ThenBy(r => r.RowKey, StringComparer.Ordinal).ToList();

    private async Task<List<ResidentEntity>> RowsAsync() =>
        (await _hub.Factory.Storage.QueryResidentsAsync<ResidentEntity>().ToListAsync()).Where(r => !StreetVersion.Is(r.RowKey)).OrderBy(r => r.PartitionKey, StringComparer.Ordinal).ThenBy(r => r.RowKey, StringComparer.Ordinal).ToList();
}
