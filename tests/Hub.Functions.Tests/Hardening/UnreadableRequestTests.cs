using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hub.Core.Audit;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Persons;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Hardening;

/// <summary>The requests an outside tester found answered 500 and unaudited, each now a 4xx problem with one event.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class UnreadableRequestTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly PersonsHub _hub = new(azurite);

    public async Task InitializeAsync() => await _hub.LoadAsync(new Resident(1, "王一", CommunityA1, "G01", CommunityA1));

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    public static TheoryData<string, string> BrokenBodies => new()
    {
        { "/api/verifications", "{\"residentId\": \"1101" },
        { "/api/persons/lookup", "\"a string where an object belongs\"" },
        { "/api/verifications", "{\"residentId\": 11010519491231002, \"claim\": {\"kind\": \"livesIn\"}}" },
        { "/api/verifications", "{\"residentId\": \"x\", \"claim\": {\"kind\": \"inGroup\", \"group\": \"dibao\", \"on\": \"2025-02-30\"}}" },
        { "/api/persons/lookup", "residentId=1&purpose=home-visit" },
        { "/api/persons/lookup", string.Empty },
        { "/api/persons/lookup", new string('[', 10_000) + new string(']', 10_000) },
    };

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public async Task A_body_that_is_not_the_routes_json_is_a_400_problem_audited_as_failed(string path, string body)
    {
        using var officer = _hub.StreetOfficer();
        var before = (await _hub.EventsAsync()).Count;

        using var response = await officer.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var events = await _hub.EventsAsync();
        var recorded = Assert.Single(events.Skip(before));
        Assert.Equal(AuditOutcome.Failed, recorded.Event.Outcome);
        Assert.Equal("street-officer", recorded.Event.Actor.UserId);
    }

    [Fact]
    public async Task An_impossible_date_in_a_claim_names_the_field_that_holds_it()
    {
        using var officer = _hub.StreetOfficer();

        using var response = await PostAsync(officer, "/api/verifications", new { residentId = Id(1), claim = new { kind = "inGroup", group = "dibao", on = "2025-02-30" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$.claim.on", (string?)(await JsonAsync(response))["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/residents?pageSize=1%20or%201=1", "'pageSize' must be a whole number.")]
    [InlineData("/api/residents?pageSize=2147483648", "'pageSize' must be a whole number.")]
    [InlineData("/api/audit/events?from=yesterday&to=2025-01-01T00:00:00Z", "'from' must be a date and time in ISO 8601, e.g. 2025-03-01T00:00:00+08:00.")]
    public async Task A_query_value_of_the_wrong_type_is_a_400_problem_that_names_the_parameter(string path, string detail)
    {
        using var client = path.StartsWith("/api/audit", StringComparison.Ordinal) ? _hub.As("auditor-1", Hub.Core.Access.HubRoles.Auditor, "110100000000") : _hub.StreetOfficer();
        var before = (await _hub.EventsAsync()).Count;

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(detail, (string?)(await JsonAsync(response))["detail"]);
        Assert.Single((await _hub.EventsAsync()).Skip(before));
    }

    [Fact]
    public async Task An_id_number_sent_as_a_query_value_reaches_neither_the_answer_nor_the_log()
    {
        using var officer = _hub.StreetOfficer();
        using var police = _hub.Factory.CreatePublisherClient("police");

        using var residents = await officer.GetAsync(new Uri($"/api/residents?pageSize={Id(1)}", UriKind.Relative));
        using var batches = await police.GetAsync(new Uri($"/api/feeds/police/batches?top={Id(1)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, residents.StatusCode);
        Assert.DoesNotContain(Id(1), await residents.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((int)batches.StatusCode < 500);
        Assert.DoesNotContain(Id(1), await batches.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(_hub.Factory.Logs.Lines, line => line.Contains(Id(1), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Break_glass_sent_as_plain_text_is_a_415_problem_audited_as_failed()
    {
        using var worker = _hub.GridWorker();
        var before = (await _hub.EventsAsync()).Count;

        using var response = await worker.PostAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}/break-glass", UriKind.Relative), new StringContent("flood", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var recorded = Assert.Single((await _hub.EventsAsync()).Skip(before));
        Assert.Equal(AuditAction.BreakGlassGrant, recorded.Event.Action);
        Assert.Equal(AuditOutcome.Failed, recorded.Event.Outcome);
        Assert.Equal([_hub.KeyOf(1)], recorded.Event.PersonKeys.Select(k => k.Value));
    }

    [Fact]
    public async Task A_json_body_in_an_unknown_charset_is_a_415_problem()
    {
        using var officer = _hub.StreetOfficer();
        using var content = new StringContent("{}", Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=nonsense");

        using var response = await officer.PostAsync(new Uri("/api/persons/lookup", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Answers_with_person_data_are_never_cached_or_sniffed()
    {
        using var officer = _hub.StreetOfficer();

        using var person = await officer.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}", UriKind.Relative));
        using var list = await officer.GetAsync(new Uri("/api/residents", UriKind.Relative));
        using var lookup = await officer.PostAsJsonAsync(new Uri("/api/persons/lookup", UriKind.Relative), new { residentId = Id(1) });

        foreach (var response in new[] { person, list, lookup })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl!.NoStore);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }
}
