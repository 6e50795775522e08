using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Profiles.Facts;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Functions.Tests.Feeds;

/// <summary>
/// The merge writes a person's view row in the same transactions as their facts. A batch that stops between the two,
/// or meets another writer, must still end with a view that says what the facts say.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class PersonViewMergeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly PersonKey Person = PersonKey.Parse(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("view-merge"))).AsSpan(0, 32).ToString());

    private readonly HubFactory _hub = new(azurite);

    private FactStore Facts => _hub.Services.GetRequiredService<FactStore>();

    private TableClient Table => _hub.Storage.Facts;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_batch_resumed_after_its_facts_were_written_writes_the_view_it_missed()
    {
        var plan = await PlanAsync("police", "b1", ("name", "陈明"));
        await Table.SubmitTransactionAsync(plan.Actions.Where(a => a.Entity is FactEntity));
        Assert.Null(await Facts.ReadViewAsync(Person));

        var resumed = await PlanAsync("police", "b1", ("name", "陈明"));
        await Facts.CommitAsync(resumed);

        Assert.Equal(1, resumed.Counts.Inserted);
        Assert.IsType<PersonViewEntity>(Assert.Single(resumed.Actions).Entity);
        await AssertViewMatchesFactsAsync();
        Assert.Empty((await PlanAsync("police", "b1", ("name", "陈明"))).Actions);
    }

    [Fact]
    public async Task A_batch_resumed_with_a_view_older_than_its_facts_corrects_the_view()
    {
        await Facts.CommitAsync(await PlanAsync("police", "b1", ("name", "陈明")));
        var update = await PlanAsync("police", "b2", ("name", "陈 明"));
        await Table.SubmitTransactionAsync(update.Actions.Where(a => a.Entity is FactEntity));

        var resumed = await PlanAsync("police", "b2", ("name", "陈 明"));
        await Facts.CommitAsync(resumed);

        Assert.Equal(1, resumed.Counts.Updated);
        Assert.Equal(TableTransactionActionType.UpdateReplace, Assert.Single(resumed.Actions).ActionType);
        await AssertViewMatchesFactsAsync();
        Assert.Equal("陈 明", (await Profile()).ValueOf("name"));
    }

    [Fact]
    public async Task A_commit_that_meets_another_writer_fails_and_the_plan_made_again_writes_the_right_view()
    {
        // Two batches plan a new person at once: the second to commit finds the view the first added (409).
        var police = await PlanAsync("police", "b1", ("name", "陈明"));
        var civil = await PlanAsync("civil-affairs", "b2", ("name", "陈明"), ("assistanceType", "dibao"));
        await Facts.CommitAsync(civil);
        var added = await Assert.ThrowsAsync<TableTransactionFailedException>(() => Facts.CommitAsync(police));
        await Facts.CommitAsync(await PlanAsync("police", "b1", ("name", "陈明")));
        await AssertViewMatchesFactsAsync();

        // Two more plan changes to a person with a view: the second to commit finds the view changed (412).
        var first = await PlanAsync("police", "b3", ("name", "陈 明"));
        var second = await PlanAsync("civil-affairs", "b4", ("name", "陈明"), ("assistanceType", "dibao"), ("phone", "13800138000"));
        await Facts.CommitAsync(second);
        var changed = await Assert.ThrowsAsync<TableTransactionFailedException>(() => Facts.CommitAsync(first));
        await Facts.CommitAsync(await PlanAsync("police", "b3", ("name", "陈 明")));

        Assert.Equal((409, 412), (added.Status, changed.Status));
        await AssertViewMatchesFactsAsync();
        var profile = await Profile();
        Assert.Equal(["civil-affairs", "police"], profile.Sources);
        Assert.Equal("13800138000", profile.ValueOf("phone"));
    }

    private Task<PartitionPlan> PlanAsync(string source, string batch, params (string Attribute, string Value)[] attributes) =>
        Facts.PlanAsync(
            Person.PartitionKey,
            source,
            batch,
            [new IncomingFact(1, Person.Value, FactEntity.RowKeyFor(source, Person.Value, string.Empty), Identified: true, attributes.ToDictionary(a => a.Attribute, a => a.Value))],
            snapshot: false);

    private async Task<PersonProfile> Profile() =>
        (await _hub.Services.GetRequiredService<ProfileReader>().ReadAsync(Person))!;

    /// <summary>The stored view is a copy of the stored facts, and the profile built from it is the one the facts give.</summary>
    private async Task AssertViewMatchesFactsAsync()
    {
        var person = await Facts.ReadPersonAsync(Person);
        var view = await Facts.ReadViewAsync(Person);
        Assert.NotNull(view);
        Assert.True(view.IsUsable());
        Assert.True(view.SameContent(PersonViewEntity.Of(Person.Value, person.Facts.Select(f => f.ToView()).ToList())), "the view should copy the facts");

        var fromView = ProfileJson.Serialize(await Profile());
        await Table.DeleteEntityAsync(view.PartitionKey, view.RowKey);
        var fromFacts = ProfileJson.Serialize(await Profile());
        await Table.AddEntityAsync(view);
        Assert.Equal(fromFacts, fromView);
    }
}
