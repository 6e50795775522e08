using System.Text.Json;
using Hub.Core.Feeds.Batches;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Profiles.Facts;
using Hub.Core.Storage;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Profiles;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Functions.Tests.Feeds;

/// <summary>
/// A delta touching few persons of a partition is planned from point reads of each person (their view, data key and
/// the facts it names) instead of the partition whole. The plan must be the one a partition read makes, whatever the
/// view says: where it cannot stand in for the person's facts, the person is read whole.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class PointReadPlanTests : IAsyncLifetime
{
    // Three persons of one partition (the first three hex digits make it).
    private static readonly PersonKey Chen = PersonKey.Parse("abc00000000000000000000000000001");
    private static readonly PersonKey Wang = PersonKey.Parse("abc00000000000000000000000000002");
    private static readonly PersonKey Li = PersonKey.Parse("abc00000000000000000000000000003");

    private static readonly string[] RowsOfAPerson = ["|police|", "|civil-affairs|", "|~view"];

    private readonly TableRequestLog _requests = new();
    private readonly AzuriteFixture _azurite;
    private readonly HubFactory _hub;

    public PointReadPlanTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        _hub = new HubFactory(azurite) { TestServices = services => _requests.AddTo(services, azurite.ConnectionString) };
    }

    private FactStore Facts => _hub.Services.GetRequiredService<FactStore>();

    private static string Partition => Chen.PartitionKey;

    public async Task InitializeAsync()
    {
        await CommitAsync(await Facts.PlanAsync(Partition, new FactMerge("police", "p1", Snapshot: false), [
            Fact(Chen, ("name", "陈明"), ("residenceAddress", "东城区一号")),
            Fact(Li, ("name", "李华")),
        ]));
        await CommitAsync(await Facts.PlanAsync(Partition, new FactMerge("civil-affairs", "c1", Snapshot: false), [
            Fact(Chen, "dibao", ("name", "陈明"), ("assistanceType", "dibao")),
            Fact(Chen, "tekun", ("name", "陈明"), ("assistanceType", "tekun")),
        ]));
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_delta_planned_from_point_reads_makes_the_plan_a_partition_read_makes_and_reads_no_range()
    {
        var merge = new FactMerge("police", "p2", Snapshot: false);
        IncomingFact[] delta = [Fact(Chen, ("name", "陈明"), ("residenceAddress", "西城区二号")), Fact(Wang, ("name", "王芳")), Fact(Li, ("name", "李华"))];
        var facts = _hub.Storage.Facts.Name;
        var before = _requests.ReadShapes();

        var byPersons = await Facts.PlanByPersonsAsync(Partition, merge, delta);

        var shapes = _requests.ReadShapes().Where(r => r.Key.Table == facts && r.Value > before.GetValueOrDefault(r.Key)).Select(r => r.Key.Shape);
        Assert.Equal(["point"], shapes);
        AssertSamePlan(await Facts.PlanAsync(Partition, merge, delta), byPersons);
        Assert.Equal((1, 1, 1), (byPersons.Counts.Inserted, byPersons.Counts.Updated, byPersons.Counts.Unchanged));

        // Written, it leaves every view a copy of its person's facts, and the same delta again changes nothing.
        await CommitAsync(byPersons);
        await AssertViewsMatchFactsAsync(Chen, Wang, Li);
        Assert.Empty((await Facts.PlanByPersonsAsync(Partition, merge, delta)).Changes);
        Assert.Empty((await Facts.PlanByPersonsAsync(Partition, new FactMerge("police", "p3", Snapshot: false), delta)).Changes);
    }

    [Fact]
    public async Task A_delta_planned_from_key_queries_makes_the_plan_point_reads_make()
    {
        // A second Hub over the same storage reading keys by queries, as it does on Azure; Li's view is a marker, so Li is read whole.
        var queryRequests = new TableRequestLog();
        var settings = new Dictionary<string, string?> { ["Hub:Storage:KeyReads"] = "Queries" };
        await using var queries = new HubFactory(_azurite, settings, _hub.Prefix) { DeleteStorageOnDispose = false, TestServices = services => queryRequests.AddTo(services, _azurite.ConnectionString) };
        Assert.NotNull(await _hub.Storage.FactsTable.UpsertAsync(PersonViewEntity.Resolved(Li.Value), EntityUpdateMode.Replace));
        var merge = new FactMerge("police", "p2", Snapshot: false);
        IncomingFact[] delta = [Fact(Chen, ("name", "陈明"), ("residenceAddress", "西城区二号")), Fact(Wang, ("name", "王芳")), Fact(Li, ("name", "李华"), ("residenceAddress", "北城区四号"))];
        var facts = queries.Storage.Facts.Name;
        var before = queryRequests.ReadShapes();

        var byQueries = await queries.Services.GetRequiredService<FactStore>().PlanByPersonsAsync(Partition, merge, delta);

        var shapes = queryRequests.ReadShapes().Where(r => r.Key.Table == facts && r.Value > before.GetValueOrDefault(r.Key)).Select(r => r.Key.Shape).ToList();
        Assert.Equal((KeyReadMode.Queries, KeyReadMode.PointReads), (queries.Storage.KeyReads, _hub.Storage.KeyReads));
        // One query for the three persons' nine rows (a fact, the view and the data key each), and Li's range.
        Assert.Equal([$"PartitionKey eq … and ({string.Join(" or ", Enumerable.Repeat("RowKey eq …", 9))})", RowDescriptions.PersonRange], shapes.Order(StringComparer.Ordinal));
        AssertSamePlan(await Facts.PlanByPersonsAsync(Partition, merge, delta), byQueries);

        // Written, it leaves the views it wrote copies of their persons' facts, and the same delta again changes nothing in either mode.
        await CommitAsync(byQueries);
        await AssertViewsMatchFactsAsync(Chen, Wang);
        Assert.Empty((await queries.Services.GetRequiredService<FactStore>().PlanByPersonsAsync(Partition, merge, delta)).Changes);
        Assert.Empty((await Facts.PlanByPersonsAsync(Partition, merge, delta)).Changes);
    }

    [Fact]
    public async Task A_person_whose_view_disagrees_with_a_fact_the_delta_names_is_read_whole()
    {
        // A writer outside the merge changed a fact and not yet the view that copies it.
        var stray = await Facts.PlanAsync(Partition, new FactMerge("police", "p-stray", Snapshot: false), [Fact(Chen, ("name", "陈明"), ("residenceAddress", "南城区三号"))]);
        (await _hub.Storage.FactsTable.SubmitAsync(stray.Changes.Where(c => c.Entity is FactEntity))).ThrowIfNotWritten();

        var merge = new FactMerge("police", "p2", Snapshot: false);
        IncomingFact[] delta = [Fact(Chen, ("name", "陈明"), ("residenceAddress", "西城区二号"))];
        var byPersons = await Facts.PlanByPersonsAsync(Partition, merge, delta);

        AssertSamePlan(await Facts.PlanAsync(Partition, merge, delta), byPersons);
        Assert.Equal("南城区三号", Assert.Single(Assert.Single(byPersons.Changed).Before, f => f.Source == "police").ValueOf("residenceAddress"));
        await CommitAsync(byPersons);
        await AssertViewsMatchFactsAsync(Chen);
    }

    [Fact]
    public async Task A_person_whose_view_is_not_a_copy_of_their_own_facts_is_read_whole()
    {
        // A marker stands over the view while the person's links change: the rows say who they are.
        Assert.NotNull(await _hub.Storage.FactsTable.UpsertAsync(PersonViewEntity.Resolved(Li.Value), EntityUpdateMode.Replace));
        var merge = new FactMerge("civil-affairs", "c2", Snapshot: false);
        IncomingFact[] delta = [Fact(Li, "dibao", ("name", "李华"), ("assistanceType", "dibao"))];

        var byPersons = await Facts.PlanByPersonsAsync(Partition, merge, delta);

        AssertSamePlan(await Facts.PlanAsync(Partition, merge, delta), byPersons);
        Assert.Equal(2, Assert.Single(byPersons.Changed).After.Count);
    }

    [Fact]
    public async Task A_delta_larger_than_what_its_source_holds_reads_partitions_and_a_smaller_one_reads_persons()
    {
        // Civil affairs holds nothing yet: its first 60 persons are new, whom point reads would not find.
        using var publisher = _hub.CreatePublisherClient("civil-affairs");
        var facts = _hub.Storage.Facts.Name;
        var first = await ShapesOfAsync(() => publisher.PushAndWaitAsync("civil-affairs", TestPeople.CivilAffairsCsv(Enumerable.Range(1, 60)), "text/csv", "delta"));

        // Then 5 of them change: civil affairs holds 60 records, and the 5 are read by their keys.
        var second = await ShapesOfAsync(() => publisher.PushAndWaitAsync("civil-affairs", TestPeople.CivilAffairsCsv(Enumerable.Range(1, 5), amount: _ => "999"), "text/csv", "delta"));

        Assert.Contains(first, s => s.Table == facts && s.Shape.StartsWith("PartitionKey", StringComparison.Ordinal) && !s.Shape.Contains("RowKey", StringComparison.Ordinal));
        Assert.DoesNotContain(second, s => s.Table == facts && s.Shape.StartsWith("PartitionKey", StringComparison.Ordinal) && !s.Shape.Contains("RowKey", StringComparison.Ordinal));
        Assert.Contains(second, s => s == (facts, "point"));
    }

    [Fact]
    public void A_commit_keeps_each_persons_changes_in_one_transaction()
    {
        // 40 persons with three rows each: 120 changes, which 100-entity transactions would cut through a person.
        var changes = Enumerable.Range(0, 40)
            .Select(i => $"abc{i:x29}")
            .SelectMany(key => RowsOfAPerson.Select(suffix => EntityChange.Add(new FactEntity { PartitionKey = "p abc", RowKey = key + suffix })))
            .ToList();

        var transactions = FactStore.Transactions(changes).ToList();

        Assert.Equal(120, transactions.Sum(t => t.Count));
        Assert.All(transactions, t => Assert.InRange(t.Count, 1, 100));
        var personsPerTransaction = transactions.SelectMany((t, i) => t.Select(c => (Person: ResolutionRows.PersonKeyOf(c.Entity.RowKey), Transaction: i)));
        Assert.All(personsPerTransaction.GroupBy(p => p.Person), person => Assert.Single(person.Select(p => p.Transaction).Distinct()));
    }

    /// <summary>The shapes of the reads the Hub sent while <paramref name="push"/> ran, and that it completed.</summary>
    private async Task<List<(string Table, string Shape)>> ShapesOfAsync(Func<Task<BatchReport>> push)
    {
        var before = _requests.ReadShapes();
        Assert.Equal(BatchStatus.Completed, (await push()).Status);
        return [.. _requests.ReadShapes().Where(r => r.Value > before.GetValueOrDefault(r.Key)).Select(r => r.Key)];
    }

    private static IncomingFact Fact(PersonKey person, params (string Attribute, string Value)[] attributes) => Fact(person, string.Empty, attributes);

    private static IncomingFact Fact(PersonKey person, string discriminator, params (string Attribute, string Value)[] attributes) =>
        new(1, person.Value, discriminator, Identified: true, attributes.ToDictionary(a => a.Attribute, a => a.Value));

    /// <summary>The same counts, the same rows written at the same versions, and the same persons changed from the same facts to the same facts.</summary>
    private static void AssertSamePlan(PartitionPlan expected, PartitionPlan actual)
    {
        Assert.Equal(expected.Counts, actual.Counts);
        Assert.Equal(Writes(expected), Writes(actual));
        Assert.Equal(Persons(expected), Persons(actual));

        static List<string> Writes(PartitionPlan plan) =>
            [.. plan.Changes.Select(c => $"{c.Entity.GetType().Name} {c.Entity.RowKey} {c.Version?.Value}").Order(StringComparer.Ordinal)];

        static List<string> Persons(PartitionPlan plan) =>
            [.. plan.Changed.Select(c => $"{c.Rows.PersonKey} {Json(c.Before, plan.Merge)} → {Json(c.After, plan.Merge)}").Order(StringComparer.Ordinal)];

        // The times a plan gives what it changes are the clock's when it was made: two plans made one after the other differ there only.
        static string Json(IReadOnlyList<FactView> facts, FactMerge merge) => JsonSerializer.Serialize(
            facts
                .Select(f => f.LastBatch == merge.BatchId ? f with { UpdatedAt = default, FirstSeenAt = null } : f)
                .Select(f => f with { Attributes = new SortedDictionary<string, string>(f.Attributes.ToDictionary(), StringComparer.Ordinal) })
                .OrderBy(f => f.Source, StringComparer.Ordinal).ThenBy(f => f.Discriminator, StringComparer.Ordinal),
            StorageJson.Options);
    }

    private async Task CommitAsync(PartitionPlan plan) => Assert.Equal(WriteOutcome.Written, await Facts.TryCommitAsync(plan));

    private async Task AssertViewsMatchFactsAsync(params PersonKey[] persons)
    {
        foreach (var key in persons)
        {
            var person = await Facts.ReadPersonAsync(key);
            var view = await Facts.ReadViewAsync(key);
            Assert.NotNull(view);
            Assert.True(view.SameContent(PersonViewEntity.Of(key.Value, person.Facts.Select(f => f.ToView()).ToList(), person.Key!, person.WrappedKey!)), "the view should copy the facts");
        }
    }
}
