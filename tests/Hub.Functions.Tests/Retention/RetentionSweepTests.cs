using System.Net;
using Azure.Data.Tables;
using Hub.Core.Access;
using Hub.Core.Access.Residents;
using Hub.Core.Audit;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Profiles.Facts;
using Hub.Core.Protection;
using Hub.Core.Retention;
using Hub.Core.Storage;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Persons;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Retention;

/// <summary>
/// Two residents in the police register, one of them a 低保 recipient, and the calendar moved on six years: the one
/// with no special-group membership has outlived the five years the policy keeps a record after it last arrived, the
/// recipient's membership is still active.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class RetentionSweepTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly TableRequestLog _requests = new();
    private PersonsHub _hub = null!;

    public async Task InitializeAsync()
    {
        // The sweep alone lives in the moved calendar; the rest of the Hub (its queues, tokens, audit) in today's.
        _hub = new PersonsHub(azurite, testServices: services =>
        {
            services.AddSingleton(sp => new RetentionSweep(
                sp.GetRequiredService<HubStorage>(), sp.GetRequiredService<FactStore>(), sp.GetRequiredService<KeyRing>(), sp.GetRequiredService<PersonResolver>(), sp.GetRequiredService<ResidentRowBuilder>(),
                sp.GetRequiredService<ResidentIndex>(), sp.GetRequiredService<PersonCopies>(), sp.GetRequiredService<ProfileBuilder>(), sp.GetRequiredService<ProfileRules>(),
                sp.GetRequiredService<AuditLog>(), sp.GetRequiredService<IOptions<RetentionOptions>>(), _time, sp.GetRequiredService<ILogger<RetentionSweep>>()));
            _requests.AddTo(services, azurite.ConnectionString);
        });
        await _hub.LoadAsync(
            new Resident(1, "王芳", CommunityA1, "G01", CommunityA1),
            new Resident(2, "李强", CommunityA1, "G01", CommunityA1, Dibao: false));
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    private RetentionSweep Sweep => _hub.Factory.Services.GetRequiredService<RetentionSweep>();

    [Fact]
    public async Task Nothing_has_expired_the_day_the_records_arrive()
    {
        var report = await Sweep.RunAsync(dryRun: true, actor: null);

        Assert.Equal(2, report.PersonsChecked);
        Assert.Empty(report.Expired);
    }

    [Fact]
    public async Task A_dry_run_names_the_expired_person_and_changes_nothing()
    {
        _time.Advance(TimeSpan.FromDays(6 * 366));
        var rowsBefore = await RowsOfAsync(_hub.KeyOf(2));

        var report = await Sweep.RunAsync(dryRun: true, actor: null);

        var expired = Assert.Single(report.Expired);
        Assert.Equal(_hub.KeyOf(2), expired.PersonKey.Value);
        Assert.Equal("record:police", expired.KeptFor);
        Assert.True(expired.KeptUntil < report.Today);
        Assert.Equal(0, report.PersonsErased);
        Assert.Equal(rowsBefore, await RowsOfAsync(_hub.KeyOf(2)));
    }

    [Fact]
    public async Task An_erasure_removes_every_row_of_the_person_keeps_the_other_and_leaves_one_audit_event_with_the_key()
    {
        _time.Advance(TimeSpan.FromDays(6 * 366));
        var erased = _hub.KeyOf(2);
        Assert.Contains(ResolutionRows.DataKey(erased), await RowsOfAsync(erased));
        Assert.Contains(await ResidentRowsAsync(), r => r == erased);

        var report = await Sweep.RunAsync(dryRun: false, new AuditActor(RetentionSweep.SystemActor, "system"));

        Assert.Equal(1, report.PersonsErased);
        Assert.Empty(await RowsOfAsync(erased));
        Assert.DoesNotContain(await ResidentRowsAsync(), r => r == erased);
        Assert.Contains(await ResidentRowsAsync(), r => r == _hub.KeyOf(1));
        Assert.NotNull(await _hub.Factory.Services.GetRequiredService<FactStore>().ReadViewAsync(PersonKey.Parse(_hub.KeyOf(1))));
        var audit = Assert.Single(await _hub.EventsAsync(), e => e.Event.Action == AuditAction.PersonErase);
        Assert.Equal([erased], audit.Event.PersonKeys.Select(k => k.Value));
        Assert.Equal(report.RowsErased, audit.Event.RecordCount);

        var again = await Sweep.RunAsync(dryRun: false, new AuditActor(RetentionSweep.SystemActor, "system"));
        Assert.Empty(again.Expired);
        Assert.Equal(1, again.PersonsChecked);
        await AssertNoRowOpensForAsync(erased);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_erasure_stopped_right_after_its_first_step_in_the_facts_leaves_no_row_that_opens_the_person(bool withView)
    {
        _time.Advance(TimeSpan.FromDays(6 * 366));
        var erased = PersonKey.Parse(_hub.KeyOf(2));
        if (!withView)
        {
            // A view a merge may add after the sweep read the rows is covered by the marker the sweep writes instead.
            await _hub.Factory.Storage.FactTableOf(erased.PartitionKey).DeleteEntityAsync(erased.PartitionKey, ResolutionRows.View(erased.Value));
        }

        var facts = _hub.Factory.Storage.Facts.Name;
        using var stop = new CancellationTokenSource();
        _requests.AfterWrites(facts, 1, stop.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sweep.RunAsync(dryRun: false, new AuditActor(RetentionSweep.SystemActor, "system"), stop.Token));

        // The key row went in that one write with the view, which carries a copy of the key, or under a keyless marker;
        // the facts are left, closed.
        var left = await RowsOfAsync(erased.Value);
        Assert.Contains(left, r => !ResolutionRows.IsResolutionRow(r));
        Assert.DoesNotContain(ResolutionRows.DataKey(erased.Value), left);
        await AssertNoRowOpensForAsync(erased.Value);
        var store = _hub.Factory.Services.GetRequiredService<FactStore>();
        Assert.False((await store.ReadViewAsync(erased))?.IsUsable() ?? false);
        await Assert.ThrowsAsync<SealedValueException>(() => store.ReadPersonAsync(erased));
    }

    [Fact]
    public async Task The_next_sweep_finishes_an_erasure_stopped_after_the_data_key_went_and_writes_its_event()
    {
        _time.Advance(TimeSpan.FromDays(6 * 366));
        var erased = PersonKey.Parse(_hub.KeyOf(2));
        using var stop = new CancellationTokenSource();
        _requests.AfterWrites(_hub.Factory.Storage.Facts.Name, 1, stop.Cancel);
        var system = new AuditActor(RetentionSweep.SystemActor, "system");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sweep.RunAsync(dryRun: false, system, stop.Token));
        Assert.NotEmpty(await RowsOfAsync(erased.Value));

        var preview = await Sweep.RunAsync(dryRun: true, actor: null);
        Assert.Equal([erased], preview.Unfinished);
        Assert.NotEmpty(await RowsOfAsync(erased.Value));

        var report = await Sweep.RunAsync(dryRun: false, system);

        Assert.Equal([erased], report.Unfinished);
        Assert.Empty(report.Expired);
        Assert.True(report.RowsErased > 0);
        Assert.Empty(await RowsOfAsync(erased.Value));
        Assert.NotNull(await _hub.Factory.Services.GetRequiredService<FactStore>().ReadViewAsync(PersonKey.Parse(_hub.KeyOf(1))));
        var audit = Assert.Single(await _hub.EventsAsync(), e => e.Event.Action == AuditAction.PersonErase);
        Assert.Equal([erased.Value], audit.Event.PersonKeys.Select(k => k.Value));
        Assert.Equal("retention:unfinished", audit.Event.Resource);
        Assert.Equal(report.RowsErased, audit.Event.RecordCount);

        var again = await Sweep.RunAsync(dryRun: false, system);
        Assert.Empty(again.Unfinished);
        Assert.Equal(0, again.RowsErased);
    }

    [Fact]
    public async Task An_erased_person_leaves_nothing_but_the_audit_trails_events_with_their_key()
    {
        // Everything that can hold a person besides their facts: a change event (a death), a break-glass grant and a
        // resident's correction request, whose texts are sealed.
        var key = _hub.KeyOf(2);
        const string Police = "公民身份号码,姓名,性别,户号,与户主关系,户籍地址,户籍地区划代码,居住登记类型,居住地区划代码,网格编号,人员状态,死亡日期\r\n";
        var death = Police + $"{Id(2)},李强,男,H2,户主,朝阳区幸福里2号,{CommunityA1},户籍,{CommunityA1},G01,死亡,2026-01-05\r\n";
        var delta = await _hub.Factory.CreatePublisherClient("police").PushAndWaitAsync("police", System.Text.Encoding.UTF8.GetBytes(death), "text/csv", "delta");
        Assert.Equal(Hub.Core.Feeds.Batches.BatchStatus.Completed, delta.Status);
        using var worker = _hub.GridWorker("G01");
        using var grant = await PostAsync(worker, $"/api/persons/{key}/break-glass", new { reason = "核查死亡登记" });
        Assert.True(grant.IsSuccessStatusCode, await grant.Content.ReadAsStringAsync());
        using var officer = _hub.StreetOfficer();
        const string Proposed = "李强强";
        using var correction = await PostAsync(officer, "/api/persons/corrections", new { residentId = Id(2), attribute = "name", proposedValue = Proposed, reason = "居民出示户口簿" });
        Assert.Equal(HttpStatusCode.Created, correction.StatusCode);
        var stored = await TablesHoldingAsync(key);
        Assert.Contains("events", stored);
        Assert.Contains("grants", stored);
        Assert.Contains("corrections", stored);
        Assert.Empty(await TablesHoldingAsync(Proposed));

        _time.Advance(TimeSpan.FromDays(6 * 366));
        var report = await Sweep.RunAsync(dryRun: false, new AuditActor(RetentionSweep.SystemActor, "system"));

        Assert.Equal([key], report.Expired.Select(e => e.PersonKey.Value));
        Assert.Equal(["audit", "auditbyperson"], await TablesHoldingAsync(key));
        Assert.Contains(await TablesHoldingAsync(_hub.KeyOf(1)), t => t == "facts");

        // The death's events stay in the feed as blanks a reader steps over, so no sequence is ever written twice.
        var feed = await _hub.Factory.Services.GetRequiredService<Hub.Core.Exchange.ChangeEventLog>().ReadAsync(0, 1000);
        Assert.True(feed.Sequences > feed.Events.Count, $"{feed.Sequences} sequences, {feed.Events.Count} events");
        Assert.Equal(feed.Sequences - 1, feed.LastSequence);
        Assert.DoesNotContain(feed.Events, e => e.PersonKey.Value == key);
    }

    [Fact]
    public async Task The_preview_is_an_administrators_and_is_one_audit_event()
    {
        using var administrator = _hub.As("dpo", HubRoles.Administrator, District);
        using var officer = _hub.StreetOfficer();

        using var preview = await administrator.PostAsync(new Uri("/api/retention/preview", UriKind.Relative), content: null);
        using var refused = await officer.PostAsync(new Uri("/api/retention/preview", UriKind.Relative), content: null);

        var body = await JsonAsync(preview);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.True(body["dryRun"]!.GetValue<bool>());
        Assert.Equal(2, body["personsChecked"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Single(await _hub.EventsAsync(), e => e.Event.Action == AuditAction.RetentionSweep && e.Event.Actor.UserId == "dpo");
        Assert.NotEmpty(await RowsOfAsync(_hub.KeyOf(2)));
    }

    [Fact]
    public async Task A_department_erases_its_own_records_of_a_person_and_the_profile_keeps_the_others()
    {
        using var civil = _hub.Factory.CreatePublisherClient("civil-affairs");
        var key = PersonKey.Parse(_hub.KeyOf(1));

        using var response = await PostAsync(civil, "/api/feeds/civil-affairs/erasures", new { residentId = Id(1), reason = "purpose-achieved" });

        var body = await JsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body["records"]!.GetValue<int>());
        Assert.False(body["personErased"]!.GetValue<bool>());
        var left = await _hub.Factory.Services.GetRequiredService<FactStore>().ReadPersonAsync(key);
        Assert.NotEmpty(left.Facts);
        Assert.All(left.Facts, f => Assert.Equal("police", f.Source));
        Assert.Contains(await ResidentRowsAsync(), r => r == key.Value);
        var audit = Assert.Single(await _hub.EventsAsync(), e => e.Event.Action == AuditAction.PersonErase);
        Assert.Equal([key.Value], audit.Event.PersonKeys.Select(k => k.Value));
        Assert.Contains("reason=purpose-achieved", audit.Event.Resource, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_last_department_erases_its_records_the_person_goes_whole()
    {
        using var police = _hub.Factory.CreatePublisherClient("police");
        using var civil = _hub.Factory.CreatePublisherClient("civil-affairs");

        using var erased = await PostAsync(police, "/api/feeds/police/erasures", new { residentId = Id(2), reason = "subject-request" });
        using var none = await PostAsync(civil, "/api/feeds/civil-affairs/erasures", new { residentId = Id(2), reason = "subject-request" });

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.True((await JsonAsync(erased))["personErased"]!.GetValue<bool>());
        Assert.Empty(await RowsOfAsync(_hub.KeyOf(2)));
        Assert.DoesNotContain(await ResidentRowsAsync(), r => r == _hub.KeyOf(2));
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task A_bad_erasure_request_is_a_400_problem_without_the_number_and_another_departments_records_are_out_of_reach()
    {
        using var civil = _hub.Factory.CreatePublisherClient("civil-affairs");
        var mistyped = Id(1)[..17] + (Id(1)[17] == '0' ? "1" : "0");

        using var badReason = await PostAsync(civil, "/api/feeds/civil-affairs/erasures", new { residentId = Id(1), reason = "because" });
        using var badId = await PostAsync(civil, "/api/feeds/civil-affairs/erasures", new { residentId = mistyped, reason = "unlawful" });
        using var theirs = await PostAsync(civil, "/api/feeds/police/erasures", new { residentId = Id(1), reason = "unlawful" });

        Assert.Equal(HttpStatusCode.BadRequest, badReason.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.DoesNotContain(mistyped, await badId.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
        Assert.Equal(3, (await _hub.EventsAsync()).Count(e => e.Event.Action == AuditAction.PersonErase));
        Assert.NotEmpty(await RowsOfAsync(_hub.KeyOf(1)));
    }

    // No row left in the person's partition holds a wrapped key that unwraps for them (a wrap is bound to its owner),
    // so nothing sealed for them opens: the other persons' rows there hold their own keys.
    private async Task AssertNoRowOpensForAsync(string key)
    {
        var keys = _hub.Factory.Services.GetRequiredService<KeyRing>();
        var partition = PersonKey.Parse(key).PartitionKey;
        var wrapped = await _hub.Factory.Storage.FactTableOf(partition).QueryAsync<TableEntity>(e => e.PartitionKey == partition)
            .Where(r => r.GetString("Wrapped") is { Length: > 0 } && r.GetString("KeyId") is { Length: > 0 })
            .Select(r => new WrappedDataKey(r.GetString("KeyId"), r.GetString("Wrapped")))
            .ToListAsync();
        Assert.All(wrapped, w => Assert.Throws<SealedValueException>(() => keys.Unwrap(key, w)));
    }

    private async Task<List<string>> RowsOfAsync(string key)
    {
        var partition = PersonKey.Parse(key).PartitionKey;
        var rows = _hub.Factory.Storage.FactTableOf(partition).QueryAsync<TableEntity>(e => e.PartitionKey == partition && e.RowKey.CompareTo(key + "|") >= 0 && e.RowKey.CompareTo(key + "}") < 0);
        return await rows.Select(r => r.RowKey).ToListAsync();
    }

    // The Hub's tables (without their prefix) in which some key or value of some row holds the text.
    private async Task<List<string>> TablesHoldingAsync(string text)
    {
        var storage = _hub.Factory.Storage;
        var prefix = storage.Facts.Name[..^"facts".Length];
        var found = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var table in storage.ServiceTables.QueryAsync(t => true))
        {
            if (!table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var row in storage.ServiceTables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                if (row.Select(p => p.Value).OfType<string>().Any(v => v.Contains(text, StringComparison.Ordinal)))
                {
                    found.Add(TableSplit.LogicalName(table.Name[prefix.Length..]));
                    break;
                }
            }
        }

        return [.. found];
    }

    private async Task<List<string>> ResidentRowsAsync() =>
        await _hub.Factory.Storage.QueryResidentsAsync<TableEntity>().Select(r => r.GetString("PersonKey")).Where(k => k is not null).ToListAsync();
}
