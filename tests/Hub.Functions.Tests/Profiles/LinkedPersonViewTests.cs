using Azure.Data.Tables;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Profiles.Facts;
using Hub.Core.Retention;
using Hub.Core.Storage;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Resolution;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Functions.Tests.Resolution.ResolutionFeeds;

namespace Hub.Functions.Tests.Profiles;

/// <summary>
/// A golden person's view holds their own and their members' facts, and a member's view names the golden person, so
/// a linked person's detail is read from point reads. Whatever changes the person (a link, a merge, a member's new
/// fact, a split, an erasure), every key's profile read from the views must equal the profile built from the rows.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class LinkedPersonViewTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string Linked = Id("11010519800512031");
    private static readonly string Kept = Id("11010519751120042");
    private static readonly string Certified = Id("11010519751120062");
    private static readonly string Alone = Id("11010519520202022");

    // Its table requests logged (TableRequestLog among its services), so a test can tell how the resolution reads.
    private readonly ResolutionHub _hub = new(azurite, SnapshotSettings.AppliedWhole, services =>
    {
        var requests = new TableRequestLog();
        services.AddSingleton(requests);
        requests.AddTo(services, azurite.ConnectionString);
    });

    private IServiceProvider Services => _hub.Factory.Services;

    private FactStore Facts => Services.GetRequiredService<FactStore>();

    private ProfileReader Profiles => Services.GetRequiredService<ProfileReader>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Every_key_reads_from_views_the_profile_its_rows_give_through_links_merges_member_changes_splits_and_erasures()
    {
        await _hub.PushAsync("police", Police(new PoliceRow(Linked, "陈明", "男"), new PoliceRow(Kept, "陈红", "女"), new PoliceRow(Alone, "王芳", "女")));
        await _hub.PushAsync("disability-federation", DisabilityFederation(Certified, "陈红", "女"));
        await AssertViewsEqualRowsAsync("persons of their own");

        // An automatic link: a record with a mistyped ID joins the police's person.
        await _hub.PushAsync("civil-affairs", CivilAffairs(WithWrongCheck(Linked), "陈明", "男", "1980-05-12"));
        var record = PersonKey.Parse(await _hub.UnidentifiedKeyAsync("civil-affairs"));
        var golden = PersonKey.Parse(_hub.KeyOf(Linked));
        Assert.Equal(golden.Value, (await Facts.ReadViewAsync(record))!.LinkedGolden());
        Assert.Equal([record.Value], (await Facts.ReadViewAsync(golden))!.ReadMembers());
        await AssertViewsEqualRowsAsync("after an automatic link");

        // A steward's merge of two identified persons.
        await _hub.DecideAsync("/api/resolution/persons/merge", new { from = _hub.KeyOf(Certified), into = _hub.KeyOf(Kept), reason = "残联录入错号" });
        await AssertViewsEqualRowsAsync("after a merge");

        // A member's fact changes in its own partition: the golden person's view follows.
        await _hub.PushAsync("civil-affairs", CivilAffairs(WithWrongCheck(Linked), "陈明", "男", "1980-05-12", amount: "1400", phone: "13900139000"));
        Assert.Equal("13900139000", (await Profiles.ReadAsync(golden))!.ValueOf("phone"));
        await AssertViewsEqualRowsAsync("after a member's fact changed");

        // The golden person's own fact changes too.
        await _hub.PushAsync("police", Police(new PoliceRow(Kept, "陈 红", "女")));
        await AssertViewsEqualRowsAsync("after the golden person's fact changed");

        // A split: the certified person is their own again, and the kept one no longer shows their records.
        await _hub.DecideAsync($"/api/resolution/persons/{_hub.KeyOf(Certified)}/split", new { reason = "核实为两人" });
        Assert.Equal(["police"], (await Profiles.ReadAsync(PersonKey.Parse(_hub.KeyOf(Kept))))!.Sources);
        await AssertViewsEqualRowsAsync("after a split");

        // Civil affairs erases its records of the linked person: the member's facts leave the golden person's view too,
        // which is sealed with the golden person's data key and would otherwise keep them readable.
        var erased = await Services.GetRequiredService<RetentionSweep>().EraseSourceAsync(golden, "civil-affairs");
        Assert.Equal(1, erased.Records);
        var view = (await Facts.ReadViewAsync(golden))!;
        Assert.DoesNotContain(view.ReadFacts(), f => f.Source == "civil-affairs");
        await AssertViewsEqualRowsAsync("after a member's records were erased");
    }

    [Fact]
    public async Task Detail_of_a_linked_person_is_one_point_read_and_by_a_member_key_two()
    {
        await _hub.PushAsync("police", Police(new PoliceRow(Linked, "陈明", "男")));
        await _hub.PushAsync("civil-affairs", CivilAffairs(WithWrongCheck(Linked), "陈明", "男", "1980-05-12"));
        var golden = PersonKey.Parse(_hub.KeyOf(Linked));
        var record = PersonKey.Parse(await _hub.UnidentifiedKeyAsync("civil-affairs"));

        // A second Hub on the same storage with its triggers off, its requests to the facts table logged: its own
        // start-up and background work touch other tables, so every facts request is the read's.
        var requests = new TableRequestLog();
        await using var quiet = new HubFactory(azurite, new Dictionary<string, string?> { ["Hub:Triggers:RunLocally"] = "false" }, _hub.Factory.Prefix)
        {
            DeleteStorageOnDispose = false,
            TestServices = services => requests.AddTo(services, azurite.ConnectionString),
        };
        var reader = quiet.Services.GetRequiredService<ProfileReader>();
        var facts = quiet.Storage.Facts.Name;

        var before = requests.Requests(facts);
        var byGolden = await reader.ReadAsync(golden);
        var goldenReads = requests.Requests(facts) - before;
        before = requests.Requests(facts);
        var byMember = await reader.ReadAsync(record);
        var memberReads = requests.Requests(facts) - before;

        // The golden person's view, which carries its data key; by the member's key, its view (a pointer) first.
        Assert.Equal((1, 2), (goldenReads, memberReads));
        Assert.Equal(["civil-affairs", "police"], byGolden!.Sources);
        Assert.Equal([record], byGolden.LinkedKeys);
        Assert.Equal(ProfileJson.Serialize(byGolden), ProfileJson.Serialize(byMember!));
    }

    [Fact]
    public async Task A_batch_reads_the_golden_person_and_the_record_it_linked_by_their_keys_when_it_writes_the_golden_persons_view()
    {
        await _hub.PushAsync("police", Police(new PoliceRow(Linked, "陈明", "男"), new PoliceRow(Kept, "陈红", "女")));
        var requests = Services.GetRequiredService<TableRequestLog>();
        var facts = _hub.Factory.Storage.Facts.Name;
        var personRange = (facts, "PartitionKey eq … and RowKey ge … and RowKey lt …");
        var before = requests.ReadShapes().GetValueOrDefault(personRange);

        await _hub.PushAsync("civil-affairs", CivilAffairs(WithWrongCheck(Linked), "陈明", "男", "1980-05-12"));

        // No range: the golden person's view, under the batch's own marker, names their facts and members, and the
        // record, kept without an ID, holds one row whose key its own key says; all are read by point reads.
        Assert.Equal(0, requests.ReadShapes().GetValueOrDefault(personRange) - before);
        var record = PersonKey.Parse(await _hub.UnidentifiedKeyAsync("civil-affairs"));
        var golden = PersonKey.Parse(_hub.KeyOf(Linked));
        Assert.Equal(golden.Value, (await Facts.ReadViewAsync(record))!.LinkedGolden());
        Assert.Equal([record.Value], (await Facts.ReadViewAsync(golden))!.ReadMembers());
        Assert.Equal(["civil-affairs", "police"], (await Profiles.ReadAsync(golden))!.Sources);
        await AssertViewsEqualRowsAsync("after a record read by its keys was linked");
    }

    [Fact]
    public async Task The_reconciliation_writes_again_the_views_of_a_linked_person_left_as_markers()
    {
        await _hub.PushAsync("police", Police(new PoliceRow(Linked, "陈明", "男")));
        await _hub.PushAsync("civil-affairs", CivilAffairs(WithWrongCheck(Linked), "陈明", "男", "1980-05-12"));
        var golden = PersonKey.Parse(_hub.KeyOf(Linked));
        var record = PersonKey.Parse(await _hub.UnidentifiedKeyAsync("civil-affairs"));
        var (goldenView, memberView) = ((await Facts.ReadViewAsync(golden))!, (await Facts.ReadViewAsync(record))!);
        foreach (var key in new[] { golden, record })
        {
            await _hub.Factory.Storage.FactsTable.UpsertAsync(PersonViewEntity.Resolved(key.Value), EntityUpdateMode.Replace);
        }

        var reconciler = Services.GetRequiredService<ResidentReconciler>();
        var result = await reconciler.RunAsync();
        var again = await reconciler.RunAsync();

        Assert.Equal((2, 0), (result.ViewsWritten, again.ViewsWritten));
        Assert.True((await Facts.ReadViewAsync(golden))!.SameContent(goldenView));
        Assert.True((await Facts.ReadViewAsync(record))!.SameContent(memberView));
    }

    /// <summary>For every key holding facts: its view (or the golden person's it names) is usable, and gives the profile the rows give.</summary>
    private async Task AssertViewsEqualRowsAsync(string when)
    {
        var keys = await _hub.Factory.Storage.QueryFactsAsync<TableEntity>(select: ["RowKey"])
            .Where(e => !ResolutionRows.IsResolutionRow(e.RowKey))
            .Select(e => ResolutionRows.PersonKeyOf(e.RowKey))
            .Distinct()
            .ToListAsync();
        Assert.NotEmpty(keys);
        foreach (var key in keys.Select(k => PersonKey.Parse(k)))
        {
            var view = await Facts.ReadViewAsync(key);
            if (view?.LinkedGolden() is { } golden)
            {
                view = await Facts.ReadViewAsync(PersonKey.Parse(golden));
            }

            Assert.True(view?.IsUsable() == true, $"{when}: a key's view should hold its profile, not send the reader to the rows");
            var fromView = ProfileJson.Serialize((await Profiles.ReadAsync(key))!);
            Assert.Equal(await FromRowsAsync(key), fromView);
        }
    }

    // The profile as the rows give it: the key's facts, or its golden person's, with every member's.
    private async Task<string> FromRowsAsync(PersonKey key)
    {
        var person = await Facts.ReadPersonAsync(key);
        if (person.IsLinkedElsewhere)
        {
            key = PersonKey.Parse(person.Golden);
            person = await Facts.ReadPersonAsync(key);
        }

        var all = await Services.GetRequiredService<PersonResolver>().ReadMembersAsync(person);
        var today = Services.GetRequiredService<ProfileRules>().DayOf(Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var profile = Services.GetRequiredService<ProfileBuilder>().Build(key, all, today) with
        {
            LinkedKeys = person.Members.Select(m => PersonKey.Parse(m.Member)).OrderBy(k => k.Value, StringComparer.Ordinal).ToList(),
            Provisional = !all.Any(f => f.Identified),
        };
        return ProfileJson.Serialize(profile);
    }
}
