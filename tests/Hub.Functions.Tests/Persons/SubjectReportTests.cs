using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Core.Feeds.Batches;
using Hub.Core.Identity.Keys;
using Hub.Functions.Tests.Infrastructure;
using Hub.Samples;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Persons;

/// <summary>
/// The data subject's report of a sample person known to every department the sample population gives them: it lists
/// each department's facts, the memberships, the looks made before it and the subscription that received the person,
/// as JSON and as a printable Chinese document; producing it is one audit event, listed in the next report.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class SubjectReportTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Population Population = new PopulationGenerator(new PopulationOptions { Seed = 20250630, People = 300 }).Generate();

    // The living resident the most departments know: police always, civil affairs, the disability federation, housing.
    private static readonly Person Subject = Population.People
        .Where(p => p.DiedOn is null && p.MovedOutOn is null && !p.Moved)
        .OrderByDescending(p => SourcesOf(p).Count)
        .ThenBy(p => p.Number)
        .First();

    private readonly PersonsHub _hub = new(azurite);
    private string _subscription = string.Empty;

    private static string Street => Subject.Residence.Division.Street + "000";

    public async Task InitializeAsync()
    {
        // Subscribed before the registers arrive, so the memberships they start are delivered to it.
        using var subscriber = _hub.As("subscribing-officer", HubRoles.StreetOfficer, Street);
        using var created = await PostAsync(subscriber, "/api/subscriptions", new { purpose = "benefit-review" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        _subscription = (string)(await JsonAsync(created))["id"]!;

        foreach (var (source, _, format) in SampleSet.Layout)
        {
            using var stream = new MemoryStream();
            await FeedWriter.WriteAsync(FeedWriter.Compose(Population, ShippedSources.Get(source), new FeedWriterOptions { MistakeRate = 0 }), stream, format);
            var report = await _hub.Factory.CreatePublisherClient(source).PushAndWaitAsync(source, stream.ToArray(), ContentType(format), "snapshot");
            Assert.True(report.Status == BatchStatus.Completed && report.Counts.Rejected == 0, $"The {source} feed was not taken whole: {report.FailureReason}");
        }
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task The_report_lists_every_departments_facts_memberships_looks_and_deliveries_of_the_person()
    {
        var key = _hub.Factory.Services.GetRequiredService<PersonKeyHasher>().Hash(Subject.ResidentId).Value;
        Assert.True(SourcesOf(Subject).Count >= 3, "The sample has no resident known to three departments.");

        // Looks before the report: a look-up by ID number, a district officer's read, a refused look from another street, a pull.
        using var officer = _hub.As("handling-officer", HubRoles.StreetOfficer, Street);
        using var district = _hub.As("district-reader", HubRoles.DistrictOfficer, Subject.Residence.Division.County + "000000");
        using var stranger = _hub.As("stranger", HubRoles.StreetOfficer, OtherStreet());
        using var subscriber = _hub.As("subscribing-officer", HubRoles.StreetOfficer, Street);
        using (var lookup = await PostAsync(officer, "/api/persons/lookup", new { residentId = Subject.ResidentId.Value, purpose = "home-visit" }))
        using (var read = await district.GetAsync(new Uri($"/api/persons/{key}", UriKind.Relative)))
        using (var refused = await stranger.GetAsync(new Uri($"/api/persons/{key}", UriKind.Relative)))
        {
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound), (lookup.StatusCode, read.StatusCode, refused.StatusCode));
        }

        Assert.True(await PullUntilAsync(subscriber, key), "The subscription never received the person's events.");

        var before = (await _hub.EventsAsync()).Count;
        using var response = await PostAsync(officer, "/api/persons/subject-report", new { residentId = Subject.ResidentId.Value });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await JsonAsync(response);
        Assert.Equal(key, (string?)report["personKey"]);
        Assert.Equal(SourcesOf(Subject).Order(), report["facts"]!.AsArray().Select(f => (string)f!["source"]!).Distinct().Order());
        Assert.All(report["facts"]!.AsArray(), f => Assert.False(string.IsNullOrEmpty((string?)f!["lastBatch"])));
        var profile = report["profile"]!.AsArray();
        Assert.Contains(profile, v => (string?)v!["attribute"] == "name" && (string?)v["value"] == Subject.Name && (string?)v["source"] == "police");
        Assert.Contains(profile, v => (string?)v!["attribute"] == "residentId" && (string?)v["value"] == Subject.ResidentId.Value);
        var memberships = report["memberships"]!.AsArray();
        Assert.Equal(SourcesOf(Subject).Where(s => s != "police").Order(), memberships.Select(m => (string)m!["source"]!).Distinct().Order());
        Assert.Equal(Subject.Assistance.Count, memberships.Count(m => (string?)m!["source"] == "civil-affairs"));

        var accesses = report["accesses"]!.AsArray();
        Assert.Contains(accesses, a => (string?)a!["userId"] == "handling-officer" && (string?)a["purpose"] == "home-visit" && (string?)a["outcome"] == "allowed");
        Assert.Contains(accesses, a => (string?)a!["userId"] == "district-reader" && (string?)a["action"] == "person.read");
        Assert.Contains(accesses, a => (string?)a!["userId"] == "stranger" && (string?)a["outcome"] == "denied");
        Assert.DoesNotContain(accesses, a => (string?)a!["action"] == "person.subject-report");
        var shared = Assert.Single(report["sharedWith"]!.AsArray(), d => (string?)d!["subscription"] == _subscription)!;
        Assert.Equal(("pull", "subscribing-officer", "benefit-review"), ((string?)shared["mode"], (string?)shared["recipient"], (string?)shared["purpose"]));

        var audited = Assert.Single((await _hub.EventsAsync()).Skip(before)).Event;
        Assert.Equal((AuditAction.SubjectReport, AuditOutcome.Allowed, "data-subject-request"), (audited.Action, audited.Outcome, audited.Purpose));
        Assert.Equal([key], audited.PersonKeys.Select(k => k.Value));
        Assert.Contains(audited.Fields, f => f.Name == "residentId" && !f.Masked);

        using var next = await PostAsync(officer, "/api/persons/subject-report", new { personKey = key });
        Assert.Single((await JsonAsync(next))["accesses"]!.AsArray(), a => (string?)a!["action"] == "person.subject-report" && (string?)a["userId"] == "handling-officer");
    }

    [Fact]
    public async Task The_printable_report_is_one_self_contained_chinese_document_naming_every_department()
    {
        using var officer = _hub.As("handling-officer", HubRoles.StreetOfficer, Street);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/persons/subject-report", UriKind.Relative))
        {
            Content = JsonContent.Create(new { residentId = Subject.ResidentId.Value }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await officer.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("个人信息查阅报告", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Subject.Name), html, StringComparison.Ordinal);
        foreach (var label in SourcesOf(Subject).Select(s => s switch { "police" => "公安", "civil-affairs" => "民政", "disability-federation" => "残联", _ => "住房保障" }))
        {
            Assert.Contains(label, html, StringComparison.Ordinal);
        }

        foreach (var external in new[] { "<script", "src=", "href=", "@import", "url(" })
        {
            Assert.DoesNotContain(external, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Only_the_policys_handlers_in_the_persons_area_get_a_report_and_bad_bodies_are_400_problems()
    {
        var before = (await _hub.EventsAsync()).Count;
        using var grid = _hub.As("grid-worker", HubRoles.GridWorker, Subject.Residence.Division.Value, Subject.Residence.Grid);
        using var stranger = _hub.As("stranger", HubRoles.StreetOfficer, OtherStreet());
        using var officer = _hub.As("handling-officer", HubRoles.StreetOfficer, Street);

        using var refused = await PostAsync(grid, "/api/persons/subject-report", new { residentId = Subject.ResidentId.Value });
        using var outside = await PostAsync(stranger, "/api/persons/subject-report", new { residentId = Subject.ResidentId.Value });
        using var both = await PostAsync(officer, "/api/persons/subject-report", new { residentId = Subject.ResidentId.Value, personKey = new string('a', 32) });
        using var badId = await PostAsync(officer, "/api/persons/subject-report", new { residentId = "110105195001010010" });

        Assert.Equal(
            (HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest),
            (refused.StatusCode, outside.StatusCode, both.StatusCode, badId.StatusCode));
        Assert.All(new[] { refused, outside, both, badId }, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType));
        var events = (await _hub.EventsAsync()).Skip(before).Select(e => e.Event).ToList();
        Assert.Equal(4, events.Count);
        Assert.All(events, e => Assert.Equal(AuditAction.SubjectReport, e.Action));
        Assert.Equal([AuditOutcome.Denied, AuditOutcome.Denied, AuditOutcome.Failed, AuditOutcome.Failed], events.Select(e => e.Outcome));
    }

    [Fact]
    public async Task A_correction_reaches_only_the_department_that_owns_the_value_which_decides_it_once()
    {
        using var officer = _hub.As("handling-officer", HubRoles.StreetOfficer, Street);
        using var reported = await PostAsync(officer, "/api/persons/subject-report", new { residentId = Subject.ResidentId.Value });
        var held = (await JsonAsync(reported))["profile"]!.AsArray().Single(v => (string?)v!["attribute"] == "residenceAddress")!;
        var owner = (string)held["source"]!;
        const string Proposed = "北京市朝阳区和平街道安华里社区5号楼2单元301";
        var before = (await _hub.EventsAsync()).Count;

        using var filed = await PostAsync(officer, "/api/persons/corrections", new { residentId = Subject.ResidentId.Value, attribute = "residenceAddress", proposedValue = Proposed, reason = "居民出示了新的租房合同" });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var correction = await JsonAsync(filed);
        var id = (string)correction["id"]!;
        Assert.Equal(owner, (string?)correction["owner"]);
        Assert.Null(correction["proposedValue"]);

        foreach (var department in SourcesOf(Subject).Append("housing-security").Distinct())
        {
            using var departmentOfficer = DepartmentOfficer(department);
            using var listed = await departmentOfficer.GetAsync(new Uri("/api/persons/corrections?status=open", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
            var items = (await JsonAsync(listed))["items"]!.AsArray();
            if (department == owner)
            {
                var item = Assert.Single(items)!;
                Assert.Equal((id, Proposed, (string?)held["value"], "open"), ((string?)item["id"], (string?)item["proposedValue"], (string?)item["currentValue"], (string?)item["status"]));
            }
            else
            {
                Assert.Empty(items);
            }
        }

        using var strangerOfficer = DepartmentOfficer(SourcesOf(Subject).Append("housing-security").First(d => d != owner));
        using var ownerOfficer = DepartmentOfficer(owner);
        using var elsewhere = await PostAsync(strangerOfficer, $"/api/persons/corrections/{id}/decision", new { decision = "accept", answer = "已更正" });
        using var accepted = await PostAsync(ownerOfficer, $"/api/persons/corrections/{id}/decision", new { decision = "accept", answer = "已核实并更正户籍系统，下次报送生效" });
        using var again = await PostAsync(ownerOfficer, $"/api/persons/corrections/{id}/decision", new { decision = "reject", answer = "重复处理" });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.Conflict), (elsewhere.StatusCode, accepted.StatusCode, again.StatusCode));
        Assert.Equal("accepted", (string?)(await JsonAsync(accepted))["status"]);
        var events = (await _hub.EventsAsync()).Skip(before).Select(e => e.Event).ToList();
        var departments = SourcesOf(Subject).Append("housing-security").Distinct().Count();
        Assert.Equal(
            ["correction.request", .. Enumerable.Repeat("correction.read", departments), "correction.decision", "correction.decision", "correction.decision"],
            events.Select(e => e.Action.Value));
        Assert.Equal(("data-correction", AuditOutcome.Allowed), (events[0].Purpose, events[0].Outcome));
        Assert.Equal([_hub.Factory.Services.GetRequiredService<PersonKeyHasher>().Hash(Subject.ResidentId)], events[0].PersonKeys);
    }

    [Theory]
    [InlineData("{\"attribute\": \"residenceAddress\", \"proposedValue\": \"x\"}", "Value and reason required")]
    [InlineData("{\"attribute\": \"favouriteColour\", \"proposedValue\": \"x\", \"reason\": \"y\"}", "No such value")]
    [InlineData("{\"attribute\": \"a b\", \"proposedValue\": \"x\", \"reason\": \"y\"}", "Invalid attribute")]
    public async Task A_bad_correction_is_a_400_problem_and_audited_once(string fields, string title)
    {
        using var officer = _hub.As("handling-officer", HubRoles.StreetOfficer, Street);
        var body = fields.Replace("{", $"{{\"residentId\": \"{Subject.ResidentId.Value}\", ", StringComparison.Ordinal);
        var before = (await _hub.EventsAsync()).Count;
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await officer.PostAsync(new Uri("/api/persons/corrections", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(title, (string?)(await JsonAsync(response))["title"]);
        Assert.Equal("correction.request", Assert.Single((await _hub.EventsAsync()).Skip(before)).Event.Action.Value);
    }

    private HttpClient DepartmentOfficer(string department) =>
        _hub.As(department + "-officer", HubRoles.DepartmentOfficer, Subject.Residence.Division.Value[..4] + "00000000", department: department);

    // Reads the subscription page by page until a page names the person; false when it catches up without.
    private async Task<bool> PullUntilAsync(HttpClient subscriber, string key)
    {
        var cursor = string.Empty;
        while (true)
        {
            using var pulled = await subscriber.GetAsync(new Uri($"/api/subscriptions/{_subscription}/events?limit=500{cursor}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, pulled.StatusCode);
            var page = await JsonAsync(pulled);
            if (page["events"]!.AsArray().Any(e => e!.ToJsonString().Contains(key, StringComparison.Ordinal)))
            {
                return true;
            }

            if ((bool?)page["caughtUp"] == true)
            {
                return false;
            }

            cursor = $"&cursor={(string?)page["next"]}";
        }
    }

    private static List<string> SourcesOf(Person person)
    {
        var sources = new List<string> { "police" };
        if (person.Assistance.Count > 0)
        {
            sources.Add("civil-affairs");
        }

        if (person.Disability is not null)
        {
            sources.Add("disability-federation");
        }

        if (person.Tenancy is not null)
        {
            sources.Add("housing-security");
        }

        return sources;
    }

    // A street of the same district that is not the subject's, whose officer may not look at them.
    private static string OtherStreet() =>
        Population.People.Select(p => p.Residence.Division.Street).Concat(Population.People.Select(p => p.Registration.Division.Street))
            .Where(s => s != Subject.Residence.Division.Street && s != Subject.Registration.Division.Street)
            .Order(StringComparer.Ordinal)
            .First() + "000";

    private static string ContentType(SampleFileFormat format) => format switch
    {
        SampleFileFormat.CsvGb18030 => "text/csv; charset=gb18030",
        SampleFileFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        SampleFileFormat.Ndjson => "application/x-ndjson",
        _ => "text/csv",
    };
}
