using System.Net;
using Hub.Functions.Tests.Infrastructure;
using static Hub.Functions.Tests.Resolution.ResolutionFeeds;

namespace Hub.Functions.Tests.Resolution;

/// <summary>
/// The disability federation typed one digit of 陈红's ID number wrong, and the wrong number is valid too, so the Hub
/// holds two identified persons; a steward merges them, then finds the merge was wrong and splits them again.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class MergeSplitTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string Registered = Id("11010519751120042");
    private static readonly string Certified = Id("11010519751120062");

    private readonly ResolutionHub _hub = new(azurite);

    private string Kept => _hub.KeyOf(Registered);

    private string Merged => _hub.KeyOf(Certified);

    public async Task InitializeAsync()
    {
        await _hub.PushAsync("police", Police(new PoliceRow(Registered, "陈红", "女")));
        await _hub.PushAsync("disability-federation", DisabilityFederation(Certified, "陈红", "女"));
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Two_persons_with_valid_ids_are_never_merged_without_a_reason()
    {
        var refused = await _hub.DecideAsync("/api/resolution/persons/merge", new { from = Merged, into = Kept }, HttpStatusCode.Conflict);

        Assert.Contains("reason", (string?)refused["detail"], StringComparison.Ordinal);
        Assert.Equal(Merged, (string?)(await _hub.ProfileAsync(Merged))["personKey"]);
        Assert.Empty((await _hub.ProfileAsync(Kept))["linkedKeys"]!.AsArray());
        Assert.Empty(await _hub.HistoryAsync(Merged));
    }

    [Fact]
    public async Task After_a_merge_either_key_reads_the_kept_person_with_both_departments_facts()
    {
        var merged = await _hub.DecideAsync("/api/resolution/persons/merge", new { from = Merged, into = Kept, reason = "残联录入错号" });

        Assert.Equal(Kept, (string?)merged["golden"]);
        foreach (var key in new[] { Kept, Merged })
        {
            var profile = await _hub.ProfileAsync(key);
            Assert.Equal(Kept, (string?)profile["personKey"]);
            Assert.Equal([Merged], profile["linkedKeys"]!.AsArray().Select(k => (string?)k));
            Assert.Equal(["disability-federation", "police"], profile["sources"]!.AsArray().Select(s => (string?)s));
            Assert.Equal("physical", (string?)profile["attributes"]!["disabilityCategory"]!["value"]);
            Assert.Equal("110105003002", (string?)profile["registration"]!["division"]);
            Assert.Single(profile["memberships"]!.AsArray(), m => (string?)m!["group"] == "disability");
        }
    }

    [Fact]
    public async Task A_split_separates_the_persons_again_without_losing_a_fact()
    {
        await _hub.DecideAsync("/api/resolution/persons/merge", new { from = Merged, into = Kept, reason = "残联录入错号" });

        var split = await _hub.DecideAsync($"/api/resolution/persons/{Merged}/split", new { reason = "核实为两人" });

        Assert.Equal(Merged, (string?)split["golden"]);
        var kept = await _hub.ProfileAsync(Kept);
        var separated = await _hub.ProfileAsync(Merged);
        Assert.Equal(Kept, (string?)kept["personKey"]);
        Assert.Empty(kept["linkedKeys"]!.AsArray());
        Assert.Equal(["police"], kept["sources"]!.AsArray().Select(s => (string?)s));
        Assert.Null(kept["attributes"]!["disabilityCategory"]);
        Assert.Equal(Merged, (string?)separated["personKey"]);
        Assert.Equal(["disability-federation"], separated["sources"]!.AsArray().Select(s => (string?)s));
        Assert.Equal("physical", (string?)separated["attributes"]!["disabilityCategory"]!["value"]);
        Assert.Single(separated["memberships"]!.AsArray(), m => (string?)m!["group"] == "disability");
        Assert.False((bool)separated["provisional"]!);
    }

    [Fact]
    public async Task The_history_of_both_persons_records_the_merge_and_the_split_with_who_and_why()
    {
        await _hub.DecideAsync("/api/resolution/persons/merge", new { from = Merged, into = Kept, reason = "残联录入错号" });
        await _hub.DecideAsync($"/api/resolution/persons/{Merged}/split", new { reason = "核实为两人" });

        foreach (var key in new[] { Kept, Merged })
        {
            var history = await _hub.HistoryAsync(key);

            Assert.Equal(["merge", "split"], history.Select(h => (string?)h!["action"]));
            Assert.All(history, h => Assert.Equal(Merged, (string?)h!["personKey"]));
            Assert.All(history, h => Assert.Equal("manual", (string?)h!["decider"]));
            Assert.All(history, h => Assert.Equal(ResolutionHub.StewardId, (string?)h!["decidedBy"]));
            Assert.All(history, h => Assert.NotNull(h!["decidedAt"]));
            Assert.Equal(Kept, (string?)history[0]!["golden"]);
            Assert.Equal("残联录入错号", (string?)history[0]!["reason"]);
            Assert.Equal(Merged, (string?)history[1]!["golden"]);
            Assert.Equal(Kept, (string?)history[1]!["previousGolden"]);
            Assert.Equal("核实为两人", (string?)history[1]!["reason"]);
        }
    }

    [Fact]
    public async Task Splitting_a_person_that_was_never_merged_is_a_conflict()
    {
        var refused = await _hub.DecideAsync($"/api/resolution/persons/{Kept}/split", new { reason = "试一下" }, HttpStatusCode.Conflict);

        Assert.Equal(409, (int?)refused["status"]);
        Assert.Empty(await _hub.HistoryAsync(Kept));
    }
}
