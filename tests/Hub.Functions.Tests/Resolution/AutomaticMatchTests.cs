using Hub.Functions.Tests.Infrastructure;
using static Hub.Functions.Tests.Resolution.ResolutionFeeds;

namespace Hub.Functions.Tests.Resolution;

[Collection(AzuriteFixture.Collection)]
public sealed class AutomaticMatchTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ResolutionHub _hub = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_record_with_a_wrong_check_character_joins_the_person_police_registered_with_a_valid_id()
    {
        var id = Id("11010519800512031");
        await _hub.PushAsync("police", Police(new PoliceRow(id, "陈明", "男")));

        var report = await _hub.PushAsync("civil-affairs", CivilAffairs(WithWrongCheck(id), "陈明", "男", "1980-05-12", phone: "13800138000"));

        Assert.Equal(1, report.Counts.Unidentified);
        var record = await _hub.UnidentifiedKeyAsync("civil-affairs");
        var person = _hub.KeyOf(id);
        Assert.NotEqual(person, record);
        var profile = await _hub.ProfileAsync(person);
        Assert.Equal(person, (string?)profile["personKey"]);
        Assert.Equal([record], profile["linkedKeys"]!.AsArray().Select(k => (string?)k));
        Assert.Equal(["civil-affairs", "police"], profile["sources"]!.AsArray().Select(s => (string?)s));
        Assert.Single(profile["memberships"]!.AsArray(), m => (string?)m!["group"] == "dibao");
        Assert.False((bool)profile["provisional"]!);
        Assert.Empty(await _hub.QueueAsync());
    }

    [Fact]
    public async Task A_record_without_an_id_that_came_first_joins_the_person_when_they_arrive()
    {
        var id = Id("11010519800512031");
        await _hub.PushAsync("civil-affairs", CivilAffairs(string.Empty, "陈 明", "男", "1980-05-12"));
        var record = await _hub.UnidentifiedKeyAsync("civil-affairs");

        await _hub.PushAsync("police", Police(new PoliceRow(id, "陈明", "男")));

        var profile = await _hub.ProfileAsync(_hub.KeyOf(id));
        Assert.Equal([record], profile["linkedKeys"]!.AsArray().Select(k => (string?)k));
        Assert.Equal(["civil-affairs", "police"], profile["sources"]!.AsArray().Select(s => (string?)s));
        Assert.Equal(_hub.KeyOf(id), (string?)(await _hub.ProfileAsync(record))["personKey"]);
        var match = Assert.Single(await _hub.HistoryAsync(_hub.KeyOf(id)), h => (string?)h!["action"] == "match")!;
        Assert.Equal(("auto", record), ((string?)match["decider"], (string?)match["personKey"]));
    }

    [Fact]
    public async Task A_record_a_steward_kept_apart_stays_apart_when_a_matching_person_arrives()
    {
        var id = Id("11010519800512031");
        await _hub.PushAsync("civil-affairs", CivilAffairs(string.Empty, "陈 明", "男", "1980-05-12"));
        var record = await _hub.UnidentifiedKeyAsync("civil-affairs");
        await _hub.DecideAsync($"/api/resolution/records/{record}/reject", new { reason = "a different 陈明" });

        await _hub.PushAsync("police", Police(new PoliceRow(id, "陈明", "男")));

        Assert.Equal(record, (string?)(await _hub.ProfileAsync(record))["personKey"]);
        Assert.Empty((await _hub.ProfileAsync(_hub.KeyOf(id)))["linkedKeys"]!.AsArray());
    }

    [Fact]
    public async Task The_record_key_reads_as_the_person_it_was_linked_to()
    {
        var id = Id("11010519800512031");
        await _hub.PushAsync("police", Police(new PoliceRow(id, "陈明", "男")));
        await _hub.PushAsync("civil-affairs", CivilAffairs(WithWrongCheck(id), "陈明", "男", "1980-05-12"));
        var record = await _hub.UnidentifiedKeyAsync("civil-affairs");

        var profile = await _hub.ProfileAsync(record);

        Assert.Equal(_hub.KeyOf(id), (string?)profile["personKey"]);
        Assert.Equal("陈明", (string?)profile["attributes"]!["name"]!["value"]);
    }

    [Fact]
    public async Task A_record_without_any_id_is_linked_on_name_birth_date_sex_and_community()
    {
        var id = Id("11010519800512031");
        await _hub.PushAsync("police", Police(new PoliceRow(id, "陈明", "男")));

        await _hub.PushAsync("civil-affairs", CivilAffairs(string.Empty, "陈 明", "男", "1980-05-12"));

        var record = await _hub.UnidentifiedKeyAsync("civil-affairs");
        var profile = await _hub.ProfileAsync(_hub.KeyOf(id));
        Assert.Contains(record, profile["linkedKeys"]!.AsArray().Select(k => (string?)k));
        Assert.Contains("civil-affairs", profile["sources"]!.AsArray().Select(s => (string?)s));
    }

    [Fact]
    public async Task The_history_shows_the_automatic_match_by_the_matcher_with_its_score()
    {
        var id = Id("11010519800512031");
        await _hub.PushAsync("police", Police(new PoliceRow(id, "陈明", "男")));
        await _hub.PushAsync("civil-affairs", CivilAffairs(WithWrongCheck(id), "陈明", "男", "1980-05-12"));
        var record = await _hub.UnidentifiedKeyAsync("civil-affairs");

        var history = await _hub.HistoryAsync(_hub.KeyOf(id));

        var match = Assert.Single(history)!;
        Assert.Equal(record, (string?)match["personKey"]);
        Assert.Equal("match", (string?)match["action"]);
        Assert.Equal("auto", (string?)match["decider"]);
        Assert.Equal("matcher", (string?)match["decidedBy"]);
        Assert.Equal(_hub.KeyOf(id), (string?)match["golden"]);
        Assert.True((double)match["score"]! >= 25);
        Assert.NotNull(match["decidedAt"]);
    }
}
