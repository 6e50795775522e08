using System.Security.Cryptography;
using System.Text;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Profiles.Facts;
using Hub.Core.Storage;
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

    private EntityTable Table => _hub.Storage.FactsTable;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_batch_resumed_after_its_facts_were_written_writes_the_view_it_missed()
    {
        var plan = await PlanAsync("police", "b1", ("name", "陈明"));
        await Table.SubmitAsync(plan.Changes.Where(c => c.Entity is FactEntity or DataKeyEntity));
        Assert.Null(await Facts.ReadViewAsync(Person));

        var resumed = await PlanAsync("police", "b1", ("name", "陈明"));
        await CommitAsync(resumed);

        Assert.Equal(1, resumed.Counts.Inserted);

        // The view carries the data key, so it is added with the key row written again under the version read: an
        // erasure in between would fail the write rather than leave a copy of an erased key.
        Assert.Equal([typeof(DataKeyEntity), typeof(PersonViewEntity)], resumed.Changes.Select(c => c.Entity.GetType()));
        Assert.NotNull(resumed.Changes[0].Version);
        await AssertViewMatchesFactsAsync();
        Assert.Empty((await PlanAsync("police", "b1", ("name", "陈明"))).Changes);
    }

    [Fact]
    public async Task A_batch_resumed_with_a_view_older_than_its_facts_corrects_the_view()
    {
        await CommitAsync(await PlanAsync("police", "b1", ("name", "陈明")));
        var update = await PlanAsync("police", "b2", ("name", "陈 明"));
        await Table.SubmitAsync(update.Changes.Where(c => c.Entity is FactEntity or DataKeyEntity));

        var resumed = await PlanAsync("police", "b2", ("name", "陈 明"));
        await CommitAsync(resumed);

        Assert.Equal(1, resumed.Counts.Updated);
        Assert.NotNull(Assert.Single(resumed.Changes).Version);
        await AssertViewMatchesFactsAsync();
        Assert.Equal("陈 明", (await Profile()).ValueOf("name"));
    }

    [Fact]
    public async Task A_commit_that_meets_another_writer_fails_and_the_plan_made_again_writes_the_right_view()
    {
        // Two batches plan a new person at once: the second to commit finds the view the first added (409).
        var police = await PlanAsync("police", "b1", ("name", "陈明"));
        var civil = await PlanAsync("civil-affairs", "b2", ("name", "陈明"), ("assistanceType", "dibao"));
        await CommitAsync(civil);
        var added = await Facts.TryCommitAsync(police);
        await CommitAsync(await PlanAsync("police", "b1", ("name", "陈明")));
        await AssertViewMatchesFactsAsync();

        // Two more plan changes to a person with a view: the second to commit finds the view changed (412).
        var first = await PlanAsync("police", "b3", ("name", "陈 明"));
        var second = await PlanAsync("civil-affairs", "b4", ("name", "陈明"), ("assistanceType", "dibao"), ("phone", "13800138000"));
        await CommitAsync(second);
        var changed = await Facts.TryCommitAsync(first);
        await CommitAsync(await PlanAsync("police", "b3", ("name", "陈 明")));

        Assert.Equal((WriteOutcome.AlreadyExists, WriteOutcome.Changed), (added, changed));
        await AssertViewMatchesFactsAsync();
        var profile = await Profile();
        Assert.Equal(["civil-affairs", "police"], profile.Sources);
        Assert.Equal("13800138000", profile.ValueOf("phone"));
    }

    [Fact]
    public async Task A_commit_that_meets_another_writer_is_planned_again_from_the_same_records_and_the_caller_told()
    {
        var police = await PlanAsync("police", "b1", ("name", "陈明"));
        await CommitAsync(await PlanAsync("civil-affairs", "b2", ("name", "陈明"), ("assistanceType", "dibao")));
        var replanned = new List<PartitionPlan>();

        var written = await Facts.CommitAsync(police, (plan, _) =>
        {
            replanned.Add(plan);
            return Task.CompletedTask;
        });

        Assert.Same(Assert.Single(replanned), written);
        Assert.Equal(1, written.Counts.Inserted);
        Assert.Equal(["civil-affairs", "police"], Assert.Single(written.Changed).After.Select(f => f.Source).Order(StringComparer.Ordinal));
        await AssertViewMatchesFactsAsync();
    }

    [Fact]
    public async Task A_partition_that_changes_under_every_attempt_stops_the_merge_after_five()
    {
        var police = await PlanAsync("police", "b1", ("name", "陈明"));
        await CommitAsync(await PlanAsync("housing-security", "h0", ("name", "陈明")));
        var writes = 0;

        // Another source's batch changes the person's view between each new plan and its commit.
        var contended = await Assert.ThrowsAsync<PartitionContendedException>(() => Facts.CommitAsync(police, async (_, _) =>
            await CommitAsync(await PlanAsync("housing-security", $"h{++writes}", ("name", $"陈明{writes}")))));

        Assert.Equal((Person.PartitionKey, FactStore.MaxCommitAttempts), (contended.PartitionKey, contended.Attempts));
        Assert.Equal(FactStore.MaxCommitAttempts - 1, writes);
        Assert.DoesNotContain((await Facts.ReadPersonAsync(Person)).Facts, f => f.Source == "police");
    }

    private Task<PartitionPlan> PlanAsync(string source, string batch, params (string Attribute, string Value)[] attributes) =>
        Facts.PlanAsync(
            Person.PartitionKey,
            new FactMerge(source, batch, Snapshot: false),
            [new IncomingFact(1, Person.Value, Discriminator: string.Empty, Identified: true, attributes.ToDictionary(a => a.Attribute, a => a.Value))]);

    /// <summary>Writes a plan that must meet no other writer.</summary>
    private async Task CommitAsync(PartitionPlan plan) => Assert.Equal(WriteOutcome.Written, await Facts.TryCommitAsync(plan));

    private async Task<PersonProfile> Profile() =>
        (await _hub.Services.GetRequiredService<ProfileReader>().ReadAsync(Person))!;

    /// <summary>The stored view is a copy of the stored facts, and the profile built from it is the one the facts give.</summary>
    private async Task AssertViewMatchesFactsAsync()
    {
        var person = await Facts.ReadPersonAsync(Person);
        var view = await Facts.ReadViewAsync(Person);
        Assert.NotNull(view);
        Assert.True(view.IsUsable());
        Assert.True(view.SameContent(PersonViewEntity.Of(Person.Value, person.Facts.Select(f => f.ToView()).ToList(), person.Key!, person.WrappedKey!)), "the view should copy the facts");

        var fromView = ProfileJson.Serialize(await Profile());
        await Table.DeleteAsync(view.PartitionKey, view.RowKey);
        var fromFacts = ProfileJson.Serialize(await Profile());
        await Table.AddAsync(view);
        Assert.Equal(fromFacts, fromView);
    }
}
