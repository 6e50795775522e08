using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Hub.Core.Access;
using Hub.Core.Feeds.Batches;
using Hub.Core.Identity.Keys;
using Hub.Core.Identity.Rotation;
using Hub.Core.Storage;
using Hub.Functions.Tests.Infrastructure;
using Hub.Samples;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Hub.Functions.Tests.Protection;

/// <summary>
/// The sample population pushed under one pepper (its four registers, a delta of deaths and a register typed carelessly,
/// so there are change events, records kept without a usable ID and the steward's queue), then the Hub restarted with a
/// new pepper and the old one retired, and the rotation run: every person is read by ID number as before, at the key the
/// new pepper makes, and no old key is left anywhere but in the history (audit trail, change events) and the key map.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed partial class PepperRotationTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly Population Population = new PopulationGenerator(new PopulationOptions { Seed = 20250630, People = 200 }).Generate();

    // A living resident who stays where they live, read by a steward before the rotation: the person whom the routes
    // that name a person are asked about by the key they had before it.
    private static readonly Person Subject = Population.People.First(p => p.DiedOn is null && p.MovedOutOn is null && !p.Moved);

    // The tables that keep old keys on purpose: the audit trail and the change events are history, the key map maps them.
    private static readonly string[] History = ["audit", "auditbyperson", "events", "keymap"];

    private static readonly Dictionary<string, string?> Limits = new() { ["Hub:RateLimits:TokenLimit"] = "10000", ["Hub:RateLimits:TokensPerPeriod"] = "10000" };

    [Fact]
    public async Task A_rotated_pepper_leaves_every_person_readable_with_the_same_profile_and_no_old_key_outside_the_history()
    {
        var newPepper = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray());
        string oldPepper;
        string prefix;
        Dictionary<string, (HttpStatusCode Status, string Body)> before;
        int personsBefore;
        string subjectOldKey;
        await using (var first = new HubFactory(azurite, Limits) { DeleteStorageOnDispose = false })
        {
            prefix = first.Prefix;
            oldPepper = first.Services.GetRequiredService<IOptions<PersonKeyOptions>>().Value.Pepper!;
            foreach (var ((source, _, format), feed) in SampleSet.Layout.Zip(Snapshots()))
            {
                await PushAsync(first, source, feed, format, "snapshot");
            }

            await PushAsync(first, ShippedSources.Police, FeedWriter.ComposePoliceDelta(Population), SampleFileFormat.CsvUtf8Bom, "delta");
            await PushAsync(first, ShippedSources.CivilAffairs, FeedWriter.Compose(Population, ShippedSources.Get(ShippedSources.CivilAffairs), new FeedWriterOptions { MistakeRate = 0.3 }), SampleFileFormat.CsvUtf8Bom, "delta");
            before = await ReadEveryoneAsync(first);
            personsBefore = await CountPersonsAsync(first);
            subjectOldKey = first.Services.GetRequiredService<PersonKeyHasher>().Hash(Subject.ResidentId).Value;
            Assert.Equal(HttpStatusCode.OK, before[Subject.ResidentId.Value].Status);
        }

        var rotating = new Dictionary<string, string?>(Limits) { ["Hub:PersonKey:Pepper"] = newPepper, ["Hub:PersonKey:RetiredPepper"] = oldPepper };
        await using (var second = new HubFactory(azurite, rotating, prefix) { DeleteStorageOnDispose = false })
        {
            // Before the keys move, a person is found by ID number at the retired pepper's key (the household key a read
            // works out is the new pepper's already).
            await AssertSameProfilesAsync(second, before, []);

            using var administrator = second.CreateClientWithToken(DevelopmentTokens.MintPersonal("dpo", [HubRoles.Administrator], "110100000000"));
            var rotationStarted = DateTimeOffset.UtcNow;
            using var started = await administrator.PostAsync(new Uri("/api/person-keys/rotation", UriKind.Relative), content: null);
            Assert.True(started.StatusCode == HttpStatusCode.OK, await started.Content.ReadAsStringAsync());
            var rotation = second.Services.GetRequiredService<PersonKeyRotation>();
            var progress = await rotation.ReadAsync();
            var status = await administrator.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(new Uri("/api/person-keys/rotation", UriKind.Relative));

            Assert.Equal(RotationStage.Done, progress.Stage);
            Assert.Equal("done", status!["stage"]!.GetValue<string>());
            Assert.Equal(progress.KeysMapped, status["keysMapped"]!.GetValue<long>());
            var audited = (await AuditOfAsync(second)).Where(e => e.Event.Action == Hub.Core.Audit.AuditAction.PersonKeyRotation && e.Event.Actor.UserId == "dpo").ToList();
            Assert.Equal(2, audited.Count);
            Assert.Contains(audited, e => e.Event.RecordCount == progress.KeysMapped);
            var moved = await KeyMapAsync(second);
            output.WriteLine($"{moved.Count} keys mapped, {progress.RowsMoved} facts rows moved, {progress.RowsRemapped} other rows remapped");
            Assert.True(moved.Count >= personsBefore, $"{moved.Count} keys mapped for {personsBefore} persons");
            Assert.Equal(moved.Count, progress.KeysMapped);
            Assert.Equal(personsBefore, await CountPersonsAsync(second));
            await AssertSameProfilesAsync(second, before, moved);

            var left = await TablesHoldingAsync(second, moved.Keys.ToHashSet(StringComparer.Ordinal));
            var holding = await TablesHoldingAsync(second, moved.Values.ToHashSet(StringComparer.Ordinal));
            output.WriteLine($"Rows naming new keys: {string.Join(", ", holding.Select(h => $"{h.Key} {h.Value}"))}");
            Assert.True(left.Keys.All(History.Contains), $"Old keys left in: {string.Join(", ", left.Select(l => $"{l.Key} ({l.Value})"))}");

            // A key from before the rotation, in a URL, reads the person at their new key.
            var (oldKey, newKey) = moved.First(m => before.Values.Any(b => b.Status == HttpStatusCode.OK && b.Body.Contains(m.Key, StringComparison.Ordinal)));
            using var steward = second.CreateClientWithToken(DevelopmentTokens.MintPersonal("steward", [HubRoles.DataSteward], "110100000000", null, null));
            var byOldKey = await steward.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(new Uri($"/api/persons/{oldKey}?purpose=eligibility-check", UriKind.Relative));
            Assert.Equal(newKey, byOldKey!["personKey"]!.GetValue<string>());

            // The audit trail keeps the keys its events were written with; who looked at the person reads under both, and
            // names no one else for the former key.
            using var auditor = second.CreateClientWithToken(DevelopmentTokens.MintPersonal("auditor", [HubRoles.Auditor], "110100000000"));
            var byNew = await auditor.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(new Uri($"/api/audit/persons/{newKey}/accesses", UriKind.Relative));
            var byOld = await auditor.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(new Uri($"/api/audit/persons/{oldKey}/accesses", UriKind.Relative));
            var accesses = byNew!["accesses"]!.AsArray();
            Assert.Contains(accesses, a => a!["time"]!.GetValue<DateTimeOffset>() < rotationStarted);
            Assert.Contains(accesses, a => a!["time"]!.GetValue<DateTimeOffset>() > rotationStarted);
            Assert.All(accesses, a => Assert.Equal(0, (int?)a!["otherPersons"]));

            // Asked by the old key, the same history, and the auditor's own question by the new key after it.
            var byOldAccesses = byOld!["accesses"]!.AsArray();
            Assert.Equal(accesses.Select(a => (long?)a!["sequence"]), byOldAccesses.SkipLast(1).Select(a => (long?)a!["sequence"]));
            Assert.Equal("auditor", (string?)byOldAccesses[^1]!["userId"]);

            await AssertRoutesFollowTheOldKeyAsync(second, subjectOldKey, moved[subjectOldKey], rotationStarted);

            var again = await rotation.RunAsync();
            Assert.Equal(progress with { RetiredPepperConfigured = true }, again);
        }

        var rotated = new Dictionary<string, string?>(Limits) { ["Hub:PersonKey:Pepper"] = newPepper };
        await using (var third = new HubFactory(azurite, rotated, prefix))
        {
            var moved = await KeyMapAsync(third);
            await AssertSameProfilesAsync(third, before, moved);

            // A register pushed after the rotation merges into the same persons.
            await PushAsync(third, SampleSet.Layout[0].Source, Snapshots().First(), SampleSet.Layout[0].Format, "snapshot");
            Assert.Equal(personsBefore, await CountPersonsAsync(third));
            var after = await ReadEveryoneAsync(third);
            Assert.Equal(before.Where(b => b.Value.Status == HttpStatusCode.OK).Select(b => b.Key).Order(), after.Where(a => a.Value.Status == HttpStatusCode.OK).Select(a => a.Key).Order());
            await third.Storage.DeleteResidentsAsync();
            await third.Storage.Reviews.DeleteAsync();
        }
    }

    [Fact]
    public async Task A_feed_pushed_while_a_rotation_runs_waits_and_is_taken_whole_when_it_is_done()
    {
        var settings = new Dictionary<string, string?>(Limits)
        {
            ["Hub:PersonKey:Pepper"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 11)).ToArray()),
            ["Hub:PersonKey:RetiredPepper"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 13)).ToArray()),
            ["Hub:PersonKey:RotationHold"] = "00:00:01",
        };
        await using var hub = new HubFactory(azurite, settings);
        var rotation = hub.Services.GetRequiredService<PersonKeyRotation>();
        await rotation.StartAsync();
        using var publisher = hub.CreatePublisherClient(SampleSet.Layout[0].Source);
        using var stream = new MemoryStream();
        await FeedWriter.WriteAsync(Snapshots().First(), stream, SampleSet.Layout[0].Format);

        using var pushed = await publisher.PushAsync(SampleSet.Layout[0].Source, stream.ToArray(), ContentType(SampleSet.Layout[0].Format), "snapshot");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var held = await publisher.WaitForBatchAsync(pushed.Headers.Location!, TimeSpan.Zero).ContinueWith(t => t.Exception?.InnerException, TaskScheduler.Default);

        Assert.Equal(HttpStatusCode.Accepted, pushed.StatusCode);
        Assert.IsType<TimeoutException>(held);
        Assert.Contains(hub.Logs.Lines, m => m.Contains("held for", StringComparison.Ordinal));
        Assert.Equal(RotationStage.Done, (await rotation.RunAsync()).Stage);
        var report = await publisher.WaitForBatchAsync(pushed.Headers.Location!);
        Assert.Equal(BatchStatus.Completed, report.Status);
        Assert.Equal(report.Counts.Received, report.Counts.Inserted);
        Assert.Equal(0, report.Counts.Rejected);
    }

    [Fact]
    public async Task Without_a_retired_pepper_a_rotation_is_a_409_problem_and_only_an_administrator_may_ask()
    {
        await using var hub = new HubFactory(azurite, Limits);
        using var administrator = hub.CreateClientWithToken(DevelopmentTokens.MintPersonal("dpo", [HubRoles.Administrator], "110100000000"));
        using var officer = hub.CreateClientWithToken(DevelopmentTokens.MintPersonal("officer", [HubRoles.StreetOfficer], "110105001000"));

        using var refused = await administrator.PostAsync(new Uri("/api/person-keys/rotation", UriKind.Relative), content: null);
        using var forbidden = await officer.PostAsync(new Uri("/api/person-keys/rotation", UriKind.Relative), content: null);
        var status = await administrator.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(new Uri("/api/person-keys/rotation", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("RetiredPepper", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("none", status!["stage"]!.GetValue<string>());
        Assert.False(status["retiredPepperConfigured"]!.GetValue<bool>());
        Assert.Equal(2, (await AuditOfAsync(hub)).Count(e => e.Event.Action == Hub.Core.Audit.AuditAction.PersonKeyRotation && e.Event.Actor.UserId == "dpo"));
    }

    // Each route that names a person by key, given the key from before the rotation, answers for the person at their new
    // key with one audit event; the auditor's event search finds the person's events under both keys, whichever is given.
    private static async Task AssertRoutesFollowTheOldKeyAsync(HubFactory hub, string oldKey, string newKey, DateTimeOffset rotationStarted)
    {
        var street = Subject.Residence.Division.Street + "000";
        using var officer = hub.CreateClientWithToken(DevelopmentTokens.MintPersonal("street", [HubRoles.StreetOfficer], street));
        using var steward = hub.CreateClientWithToken(DevelopmentTokens.MintPersonal("steward", [HubRoles.DataSteward], "110100000000", null, null));
        using var auditor = hub.CreateClientWithToken(DevelopmentTokens.MintPersonal("auditor", [HubRoles.Auditor], "110100000000"));

        // Break-glass: the grant is the person's at their new key, and a read by the old key looks under it.
        using (var broken = await officer.PostAsJsonAsync(new Uri($"/api/persons/{oldKey}/break-glass", UriKind.Relative), new { reason = "老人独居,联系不上" }))
        {
            Assert.True(broken.StatusCode == HttpStatusCode.OK, await broken.Content.ReadAsStringAsync());
            Assert.Equal(newKey, (await broken.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["personKey"]!.GetValue<string>());
        }

        var underGrant = await officer.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(new Uri($"/api/persons/{oldKey}", UriKind.Relative));
        Assert.True(underGrant!["breakGlass"]!.GetValue<bool>());
        var grants = (await AuditOfAsync(hub)).Where(e => e.Event.Action == Hub.Core.Audit.AuditAction.BreakGlassGrant && e.Event.Actor.UserId == "street").ToList();
        Assert.Equal([newKey], grants.Select(g => Assert.Single(g.Event.PersonKeys).Value));

        // The data subject's report by the old key: the person at the new key, with the looks from before the rotation.
        using (var reported = await officer.PostAsJsonAsync(new Uri("/api/persons/subject-report", UriKind.Relative), new { personKey = oldKey }))
        {
            Assert.True(reported.StatusCode == HttpStatusCode.OK, await reported.Content.ReadAsStringAsync());
            var report = (await reported.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!;
            Assert.Equal(newKey, report["personKey"]!.GetValue<string>());
            var looks = report["accesses"]!.AsArray().Select(a => a!["time"]!.GetValue<DateTimeOffset>()).ToList();
            Assert.Contains(looks, t => t < rotationStarted);
            Assert.Contains(looks, t => t > rotationStarted);
        }

        // A correction filed by the old key goes to the person at the new key.
        using (var filed = await officer.PostAsJsonAsync(new Uri("/api/persons/corrections", UriKind.Relative), new { personKey = oldKey, attribute = "name", proposedValue = "王小明", reason = "户口簿" }))
        {
            Assert.True(filed.StatusCode == HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
            Assert.Equal(newKey, (await filed.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["personKey"]!.GetValue<string>());
        }

        // The steward's profile and household by the old key are those by the new key.
        var profile = await steward.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(new Uri($"/api/profiles/{oldKey}", UriKind.Relative));
        Assert.Equal(newKey, profile!["personKey"]!.GetValue<string>());
        using (var byOld = await steward.GetAsync(new Uri($"/api/profiles/{oldKey}/household", UriKind.Relative)))
        using (var byNew = await steward.GetAsync(new Uri($"/api/profiles/{newKey}/household", UriKind.Relative)))
        {
            Assert.Equal(byNew.StatusCode, byOld.StatusCode);
            Assert.Equal(await byNew.Content.ReadAsStringAsync(), await byOld.Content.ReadAsStringAsync());
        }

        // The event search by either key lists the events under both, each once, in small pages that run from one key
        // into the other; the search by the old key, made after, adds only the auditor's own searches.
        var underNew = await SearchEventsAsync(auditor, newKey);
        var underOld = await SearchEventsAsync(auditor, oldKey);
        Assert.Contains(underNew, e => e.Time < rotationStarted && e.PersonKeys.Contains(oldKey));
        Assert.Contains(underNew, e => e.Time > rotationStarted && e.PersonKeys.Contains(newKey));
        Assert.Equal(underNew.Count, underNew.Select(e => e.Sequence).Distinct().Count());
        Assert.Equal(underNew.Select(e => e.Sequence), underOld.Select(e => e.Sequence).Where(q => q <= underNew.Max(e => e.Sequence)));
        Assert.All(underOld.Where(e => e.Sequence > underNew.Max(n => n.Sequence)), e => Assert.Equal(("auditor", "audit.read"), (e.UserId, e.Action)));
    }

    private static async Task<List<AuditedEvent>> SearchEventsAsync(HttpClient auditor, string personKey)
    {
        var window = $"from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}";
        var events = new List<AuditedEvent>();
        string? continuation = null;
        do
        {
            var next = continuation is null ? string.Empty : "&continuation=" + Uri.EscapeDataString(continuation);
            var page = await auditor.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(new Uri($"/api/audit/events?{window}&personKey={personKey}&pageSize=7{next}", UriKind.Relative));
            events.AddRange(page!["events"]!.AsArray().Select(e => new AuditedEvent(
                e!["sequence"]!.GetValue<long>(), e["time"]!.GetValue<DateTimeOffset>(), e["userId"]!.GetValue<string>(), e["action"]!.GetValue<string>(),
                [.. e["personKeys"]!.AsArray().Select(k => k!.GetValue<string>())])));
            continuation = (string?)page["continuation"];
        }
        while (continuation is not null);
        return events;
    }

    private sealed record AuditedEvent(long Sequence, DateTimeOffset Time, string UserId, string Action, IReadOnlyList<string> PersonKeys);

    private static async Task<List<Hub.Core.Audit.AuditRecord>> AuditOfAsync(HubFactory hub)
    {
        var query = new Hub.Core.Audit.AuditQuery { From = DateTimeOffset.UtcNow.AddHours(-1), To = DateTimeOffset.UtcNow.AddHours(1) };
        return await hub.Services.GetRequiredService<Hub.Core.Audit.AuditSearch>().SearchAllAsync(query).ToListAsync();
    }

    // Each profile read after the rotation is the one read before, with every old key written as its new key.
    private static async Task AssertSameProfilesAsync(HubFactory hub, Dictionary<string, (HttpStatusCode Status, string Body)> before, Dictionary<string, string> moved)
    {
        var after = await ReadEveryoneAsync(hub);
        Assert.Contains(before.Values, b => b.Status == HttpStatusCode.OK);

        // A household key is a keyed hash under the pepper too: it changes, and the households stay the same.
        Assert.Equal(Households(before), Households(after));
        foreach (var (id, (status, body)) in before)
        {
            var expected = HouseholdKey().Replace(HexKey().Replace(body, m => moved.GetValueOrDefault(m.Value, m.Value)), m => "\"householdKey\":\"" + HouseholdKey().Match(after[id].Body).Groups[1].Value + "\"");
            Assert.Equal(status, after[id].Status);
            var at = Enumerable.Range(0, Math.Min(expected.Length, after[id].Body.Length)).FirstOrDefault(i => expected[i] != after[id].Body[i], -1);
            Assert.True(expected == after[id].Body, $"The profile differs at {at}: expected …{Around(expected, at)}…, read …{Around(after[id].Body, at)}…");
        }
    }

    // The persons of each household, by ID number, whatever the household's key.
    private static List<string> Households(Dictionary<string, (HttpStatusCode Status, string Body)> reads) =>
        [.. reads.Where(r => HouseholdKey().IsMatch(r.Value.Body)).GroupBy(r => HouseholdKey().Match(r.Value.Body).Groups[1].Value, r => r.Key)
            .Select(h => string.Join(',', h.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];

    private static string Around(string text, int at) => at < 0 ? text[^Math.Min(80, text.Length)..] : text[Math.Max(0, at - 80)..Math.Min(text.Length, at + 80)];

    private static async Task<Dictionary<string, (HttpStatusCode Status, string Body)>> ReadEveryoneAsync(HubFactory hub)
    {
        using var steward = hub.CreateClientWithToken(DevelopmentTokens.MintPersonal("steward", [HubRoles.DataSteward], "110100000000", null, null));
        var bodies = new Dictionary<string, (HttpStatusCode Status, string Body)>(StringComparer.Ordinal);
        foreach (var person in Population.People)
        {
            using var response = await steward.PostAsJsonAsync(new Uri("/api/persons/lookup", UriKind.Relative), new { residentId = person.ResidentId.Value, purpose = "eligibility-check" });
            bodies[person.ResidentId.Value] = (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        return bodies;
    }

    // Golden persons, one view row each.
    private static async Task<int> CountPersonsAsync(HubFactory hub)
    {
        var count = 0;
        await foreach (var row in hub.Storage.QueryFactsAsync<TableEntity>(select: ["RowKey"]))
        {
            count += row.RowKey.EndsWith("|~view", StringComparison.Ordinal) ? 1 : 0;
        }

        return count;
    }

    private static async Task<Dictionary<string, string>> KeyMapAsync(HubFactory hub)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in hub.Storage.KeyMap.QueryAsync<TableEntity>(e => e.PartitionKey.CompareTo("o|") >= 0 && e.PartitionKey.CompareTo("o}") < 0))
        {
            map[row.RowKey] = row.GetString("Other");
        }

        return map;
    }

    // Every table of the Hub that holds one of the keys (in a row's keys, a column's name or inside its text), and how many rows.
    private static async Task<SortedDictionary<string, int>> TablesHoldingAsync(HubFactory hub, HashSet<string> keys)
    {
        var found = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await foreach (var table in hub.Storage.ServiceTables.QueryAsync(t => true))
        {
            if (!table.Name.StartsWith(hub.Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var row in hub.Storage.ServiceTables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                // Column names too: the candidate index files a person under a column named for their key.
                var columns = (IDictionary<string, object>)row;
                var texts = columns.Values.OfType<string>().Concat(columns.Keys).Append(row.PartitionKey).Append(row.RowKey);
                if (texts.Any(t => HexKey().Matches(t).Any(m => keys.Contains(m.Value))))
                {
                    var name = TableSplit.LogicalName(table.Name[hub.Prefix.Length..]);
                    found[name] = found.GetValueOrDefault(name) + 1;
                }
            }
        }

        return found;
    }

    private static async Task PushAsync(HubFactory hub, string source, SampleFeed feed, SampleFileFormat format, string kind)
    {
        using var stream = new MemoryStream();
        await FeedWriter.WriteAsync(feed, stream, format);
        var report = await hub.CreatePublisherClient(source).PushAndWaitAsync(source, stream.ToArray(), ContentType(format), kind);
        Assert.True(report.Status == BatchStatus.Completed, $"The {source} {kind} was not taken: {report.FailureReason}");
    }

    private static IEnumerable<SampleFeed> Snapshots() =>
        SampleSet.Layout.Select(l => FeedWriter.Compose(Population, ShippedSources.Get(l.Source), new FeedWriterOptions { MistakeRate = 0 }));

    private static string ContentType(SampleFileFormat format) => format switch
    {
        SampleFileFormat.CsvGb18030 => "text/csv; charset=gb18030",
        SampleFileFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        SampleFileFormat.Ndjson => "application/x-ndjson",
        _ => "text/csv",
    };

    // A person key as the Hub writes it: 32 lower-case hex characters, on their own.
    [GeneratedRegex("(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")]
    private static partial Regex HexKey();

    [GeneratedRegex("\"householdKey\":\"(h[0-9a-f]{32})\"")]
    private static partial Regex HouseholdKey();
}
