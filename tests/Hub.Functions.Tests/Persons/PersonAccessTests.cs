using System.Net;
using System.Text;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Persons;

[Collection(AzuriteFixture.Collection)]
public sealed class PersonAccessTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly PersonsHub _hub = new(azurite);

    public async Task InitializeAsync() => await _hub.LoadAsync(
        new Resident(1, "王一", CommunityA1, "G01", CommunityA1),
        new Resident(2, "王二", CommunityA1, "G02", CommunityA1),
        new Resident(4, "王四", CommunityB1, "G01", CommunityB1),
        new Resident(6, "王六", CommunityB1, "G02", CommunityA1));

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    public static TheoryData<string> Attacks => ["forged", "expired", "none", "issuer", "audience", "missing"];

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task A_bad_token_is_401_on_the_person_routes_and_audited_as_denied(string attack)
    {
        using var client = _hub.Factory.CreateClient();
        if (attack != "missing")
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", BadToken(attack));
        }

        using var list = await client.GetAsync(new Uri("/api/residents", UriKind.Relative));
        using var detail = await client.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}", UriKind.Relative));
        using var verify = await PostAsync(client, "/api/verifications", new { residentId = Id(1), claim = new { kind = "inGroup", group = "dibao" } });

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, detail.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, verify.StatusCode);
        var denied = (await _hub.EventsAsync()).Where(e => e.Event.Outcome == AuditOutcome.Denied).ToList();
        Assert.Equal(3, denied.Count);
        Assert.All(denied, e => Assert.Equal("anonymous", e.Event.Actor.UserId));
        Assert.Contains(denied, e => e.Event.PersonKeys.Any(k => k.Value == _hub.KeyOf(1)));
    }

    [Fact]
    public async Task A_grid_worker_asking_for_another_grids_or_streets_resident_gets_the_same_404_as_for_nobody()
    {
        using var worker = _hub.GridWorker("G01");

        using var otherGrid = await worker.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(2)}", UriKind.Relative));
        using var otherStreet = await worker.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(4)}", UriKind.Relative));
        using var nobody = await worker.GetAsync(new Uri($"/api/persons/{new string('a', 32)}", UriKind.Relative));
        using var own = await worker.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, otherGrid.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherStreet.StatusCode);
        Assert.Equal(WithoutTrace(await JsonAsync(nobody)), WithoutTrace(await JsonAsync(otherGrid)));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var denied = (await _hub.EventsAsync()).Where(e => e.Event.Action == AuditAction.PersonRead && e.Event.Outcome == AuditOutcome.Denied).ToList();
        Assert.Equal([_hub.KeyOf(2), _hub.KeyOf(4)], denied.Select(e => Assert.Single(e.Event.PersonKeys).Value));
    }

    [Fact]
    public async Task A_street_officer_sees_a_person_registered_in_the_street_who_lives_elsewhere()
    {
        using var response = await _hub.StreetOfficer().GetAsync(new Uri($"/api/persons/{_hub.KeyOf(6)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(HubRoles.Auditor)]
    [InlineData(HubRoles.Administrator)]
    public async Task Auditors_and_administrators_are_refused_person_data_with_403(string role)
    {
        using var client = _hub.As("no-person-data", role, District);

        using var detail = await client.GetAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}", UriKind.Relative));
        using var list = await client.GetAsync(new Uri("/api/residents", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, detail.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(2, (await _hub.EventsAsync()).Count(e => e.Event.Actor.UserId == "no-person-data" && e.Event.Outcome == AuditOutcome.Denied));
    }

    [Fact]
    public async Task A_feed_publisher_token_cannot_read_persons()
    {
        using var response = await _hub.Factory.CreatePublisherClient("police").GetAsync(new Uri($"/api/persons/{_hub.KeyOf(1)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static string WithoutTrace(System.Text.Json.Nodes.JsonNode problem)
    {
        problem.AsObject().Remove("traceId");
        return problem.ToJsonString();
    }

    private static string BadToken(string attack)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "intruder", ["roles"] = HubRoles.StreetOfficer, ["division"] = StreetA };
        string Sign(SecurityKey key, string issuer, string audience) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });

        return attack switch
        {
            "forged" => Sign(new SymmetricSecurityKey(Encoding.UTF8.GetBytes("an-attacker-key-that-is-long-enough-0123456789")), DevelopmentTokens.Issuer, DevelopmentTokens.Audience),
            "expired" => DevelopmentTokens.MintPersonal("intruder", [HubRoles.StreetOfficer], StreetA, lifetime: TimeSpan.FromMinutes(5), now: DateTimeOffset.UtcNow.AddHours(-1)),
            "none" => $"{Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{DevelopmentTokens.MintPersonal("intruder", [HubRoles.StreetOfficer], StreetA).Split('.')[1]}.",
            "issuer" => Sign(DevelopmentTokens.SigningKey, "someone-else", DevelopmentTokens.Audience),
            _ => Sign(DevelopmentTokens.SigningKey, DevelopmentTokens.Issuer, "another-api"),
        };
    }
}
