using System.Text;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Profiles.Facts;
using Hub.Core.Storage;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Resolution;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Functions.Tests.Resolution.ResolutionFeeds;

namespace Hub.Functions.Tests.Profiles;

/// <summary>
/// Person detail reads a person's view row (a copy of their own facts) with one point read, and reads the facts and
/// links when the view is a marker; both ways must give the same profile.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class PersonViewTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string Both = Id("11010519500101011");
    private static readonly string PoliceOnly = Id("11010519520202022");
    private static readonly string Disabled = Id("11010519540303033");
    private static readonly string StillOnRoll = Id("11010519560404044");

    private readonly ResolutionHub _hub = new(azurite, SnapshotSettings.AppliedWhole);

    private FactStore Facts => _hub.Factory.Services.GetRequiredService<FactStore>();

    private ProfileReader Profiles => _hub.Factory.Services.GetRequiredService<ProfileReader>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task The_view_gives_the_same_profile_as_the_facts_after_feeds_of_every_kind()
    {
        await _hub.PushAsync("police", Police(new PoliceRow(Both, "陈明", "男", Household: "3"), new PoliceRow(PoliceOnly, "王芳", "女", Household: "4")));
        await _hub.PushAsync("disability-federation", DisabilityFederation(Disabled, "李强", "男"));
        var civil = _hub.Factory.CreatePublisherClient("civil-affairs");
        await civil.PushAndWaitAsync("civil-affairs", CivilAffairsRoll((Both, "陈明", "男", "1950-01-01"), (StillOnRoll, "赵丽", "女", "1956-04-04")), "text/csv", "snapshot");
        await civil.PushAndWaitAsync("civil-affairs", CivilAffairsRoll((StillOnRoll, "赵丽", "女", "1956-04-04")), "text/csv", "snapshot");

        foreach (var id in new[] { Both, PoliceOnly, Disabled, StillOnRoll })
        {
            var (fromView, fromFacts) = await ReadBothWaysAsync(PersonKey.Parse(_hub.KeyOf(id)));
            Assert.Equal(fromFacts, fromView);
        }

        var both = await Profiles.ReadAsync(PersonKey.Parse(_hub.KeyOf(Both)));
        Assert.Equal(["civil-affairs", "police"], both!.Sources);
        Assert.NotNull(Assert.Single(both.Memberships, m => m.Group.Value == "dibao").EndedAt);
    }

    [Fact]
    public async Task A_person_a_record_is_linked_to_automatically_is_read_from_their_view_with_the_linked_record()
    {
        var id = Id("11010519800512031");
        await _hub.PushAsync("police", Police(new PoliceRow(id, "陈明", "男")));
        var person = PersonKey.Parse(_hub.KeyOf(id));
        Assert.True((await Facts.ReadViewAsync(person))!.IsUsable());

        await _hub.PushAsync("civil-affairs", CivilAffairs(WithWrongCheck(id), "陈明", "男", "1980-05-12"));

        var record = PersonKey.Parse(await _hub.UnidentifiedKeyAsync("civil-affairs"));
        Assert.True((await Facts.ReadViewAsync(person))!.IsUsable());
        Assert.Equal(person.Value, (await Facts.ReadViewAsync(record))!.LinkedGolden());
        foreach (var key in new[] { person, record })
        {
            var profile = await Profiles.ReadAsync(key);
            Assert.Equal(person, profile!.PersonKey);
            Assert.Equal([record], profile.LinkedKeys);
            Assert.Equal(["civil-affairs", "police"], profile.Sources);
            Assert.Single(profile.Memberships, m => m.Group.Value == "dibao");
        }
    }

    [Fact]
    public async Task A_steward_merge_gives_the_kept_person_a_view_with_both_departments_and_the_merged_one_a_link_to_it()
    {
        var registered = Id("11010519751120042");
        var certified = Id("11010519751120062");
        await _hub.PushAsync("police", Police(new PoliceRow(registered, "陈红", "女")));
        await _hub.PushAsync("disability-federation", DisabilityFederation(certified, "陈红", "女"));
        var (kept, merged) = (PersonKey.Parse(_hub.KeyOf(registered)), PersonKey.Parse(_hub.KeyOf(certified)));

        await _hub.DecideAsync("/api/resolution/persons/merge", new { from = merged.Value, into = kept.Value, reason = "残联录入错号" });

        Assert.Equal([merged.Value], (await Facts.ReadViewAsync(kept))!.ReadMembers());
        Assert.Equal(kept.Value, (await Facts.ReadViewAsync(merged))!.LinkedGolden());
        var profile = await Profiles.ReadAsync(merged);
        Assert.Equal(kept, profile!.PersonKey);
        Assert.Equal([merged], profile.LinkedKeys);
        Assert.Equal(["disability-federation", "police"], profile.Sources);

        // A later feed about the kept person: the view is written again with the new name and both departments' facts.
        await _hub.PushAsync("police", Police(new PoliceRow(registered, "陈洪", "女")));
        var view = (await Facts.ReadViewAsync(kept))!;
        Assert.Contains(view.ReadFacts(), f => f.Source == "police" && f.Attributes["name"] == "陈洪");
        Assert.Equal("陈洪", (await Profiles.ReadAsync(merged))!.ValueOf("name"));
        Assert.Equal(["disability-federation", "police"], (await Profiles.ReadAsync(kept))!.Sources);
    }

    [Fact]
    public async Task Detail_of_a_person_without_links_is_one_point_read_of_their_view_row_which_carries_its_data_key()
    {
        await _hub.PushAsync("police", Police(new PoliceRow(PoliceOnly, "王芳", "女")));
        var key = PersonKey.Parse(_hub.KeyOf(PoliceOnly));

        // Only the view row holds this spelling, so a profile that shows it was built from that row.
        var view = (await Facts.ReadViewAsync(key))!;
        var person = await Facts.ReadPersonAsync(key);
        var renamed = view.ReadFacts().Select(f => f with { Attributes = f.Attributes.ToDictionary(a => a.Key, a => a.Value.Replace("王芳", "王芳芳", StringComparison.Ordinal)) }).ToList();
        await _hub.Factory.Storage.FactsTable.UpdateAsync(PersonViewEntity.Of(key.Value, renamed, person.Key!, person.WrappedKey!), view.Version!.Value, EntityUpdateMode.Replace);

        // A second Hub on the same storage with its triggers off, its requests to the facts table logged: its own
        // start-up and background work (the audit trail's) touch other tables, so every facts request is the read's.
        var requests = new TableRequestLog();
        await using var quiet = new HubFactory(azurite, new Dictionary<string, string?> { ["Hub:Triggers:RunLocally"] = "false" }, _hub.Factory.Prefix)
        {
            DeleteStorageOnDispose = false,
            TestServices = services => requests.AddTo(services, azurite.ConnectionString),
        };
        var reader = quiet.Services.GetRequiredService<ProfileReader>();
        var facts = quiet.Storage.Facts.Name;
        var before = requests.Requests(facts);

        var profile = await reader.ReadAsync(key);

        // One point read, no range query: the view opens with the data key it carries.
        Assert.Equal(1, requests.Requests(facts) - before);
        Assert.Equal("王芳芳", profile!.ValueOf("name"));
    }

    /// <summary>The profile from the view, then, with the view row deleted, from the facts.</summary>
    private async Task<(string FromView, string FromFacts)> ReadBothWaysAsync(PersonKey key)
    {
        var view = await Facts.ReadViewAsync(key);
        Assert.True(view?.IsUsable() == true, "a person without links should have a usable view");
        var fromView = ProfileJson.Serialize((await Profiles.ReadAsync(key))!);
        await _hub.Factory.Storage.FactTableOf(view!.PartitionKey).DeleteEntityAsync(view.PartitionKey, view.RowKey);
        var fromFacts = ProfileJson.Serialize((await Profiles.ReadAsync(key))!);
        return (fromView, fromFacts);
    }

    private static byte[] CivilAffairsRoll(params (string Id, string Name, string Sex, string BirthDate)[] rows)
    {
        var csv = new StringBuilder("身份证号码,姓名,性别,出生日期,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格,联系电话\r\n");
        foreach (var (id, name, sex, birthDate) in rows)
        {
            csv.Append($"{id},{name},{sex},{birthDate},城市低保,1250,2024/3/1,{Community},G07,13800138000\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
