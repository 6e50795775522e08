using System.Net;
using System.Text;
using Hub.Core.Access;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hub.Functions.Tests.Access;

[Collection(AzuriteFixture.Collection)]
public sealed class FeedAccessTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly HubFactory _hub = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_push_without_a_token_is_401()
    {
        using var response = await _hub.CreateClient().PushAsync("civil-affairs", TestPeople.CivilAffairsCsv([1]), "text/csv");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_civil_affairs_client_cannot_push_a_police_feed()
    {
        using var response = await _hub.CreatePublisherClient("civil-affairs").PushAsync("police", TestPeople.CivilAffairsCsv([1]), "text/csv");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_civil_affairs_client_cannot_read_a_police_batch()
    {
        using var response = await _hub.CreatePublisherClient("civil-affairs").GetAsync(new Uri("/api/feeds/police/batches", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_departments_officer_and_an_administrator_follow_its_batches_but_only_its_client_pushes()
    {
        using var officer = _hub.CreateClientWithToken(DevelopmentTokens.MintPersonal("officer-1", [HubRoles.DepartmentOfficer], "110105000000", department: "civil-affairs"));
        using var administrator = _hub.CreateClientWithToken(DevelopmentTokens.MintPersonal("admin-1", [HubRoles.Administrator], "110100000000"));

        using var ownBatches = await officer.GetAsync(new Uri("/api/feeds/civil-affairs/batches", UriKind.Relative));
        using var otherBatches = await officer.GetAsync(new Uri("/api/feeds/police/batches", UriKind.Relative));
        using var anyBatches = await administrator.GetAsync(new Uri("/api/feeds/police/batches", UriKind.Relative));
        using var officerPush = await officer.PushAsync("civil-affairs", TestPeople.CivilAffairsCsv([1]), "text/csv");
        using var administratorPush = await administrator.PushAsync("civil-affairs", TestPeople.CivilAffairsCsv([1]), "text/csv");

        Assert.Equal(HttpStatusCode.OK, ownBatches.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherBatches.StatusCode);
        Assert.Equal(HttpStatusCode.OK, anyBatches.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, officerPush.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, administratorPush.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var token = DevelopmentTokens.Mint("civil-affairs-client", [HubRoles.FeedPublisher("civil-affairs")], lifetime: TimeSpan.FromMinutes(5), now: DateTimeOffset.UtcNow.AddHours(-1));

        using var response = await _hub.CreateClientWithToken(token).PushAsync("civil-affairs", TestPeople.CivilAffairsCsv([1]), "text/csv");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        var forged = Sign(new SymmetricSecurityKey(Encoding.UTF8.GetBytes("an-attacker-key-that-is-long-enough-0123456789")), DevelopmentTokens.Issuer, DevelopmentTokens.Audience);

        using var response = await _hub.CreateClientWithToken(forged).PushAsync("civil-affairs", TestPeople.CivilAffairsCsv([1]), "text/csv");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("someone-else", DevelopmentTokens.Audience)]
    [InlineData(DevelopmentTokens.Issuer, "another-api")]
    public async Task A_token_for_another_issuer_or_audience_is_401(string issuer, string audience)
    {
        var token = Sign(DevelopmentTokens.SigningKey, issuer, audience);

        using var response = await _hub.CreateClientWithToken(token).PushAsync("civil-affairs", TestPeople.CivilAffairsCsv([1]), "text/csv");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_unsigned_token_with_alg_none_is_401()
    {
        var valid = DevelopmentTokens.Mint("civil-affairs-client", [HubRoles.FeedPublisher("civil-affairs")]);
        var payload = valid.Split('.')[1];
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");

        using var response = await _hub.CreateClientWithToken($"{header}.{payload}.").PushAsync("civil-affairs", TestPeople.CivilAffairsCsv([1]), "text/csv");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_answers_without_a_token_and_without_personal_data()
    {
        using var response = await _hub.CreateClient().GetAsync(new Uri("/api/health", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"tables\":\"reachable\",\"blobs\":\"reachable\",\"queues\":\"reachable\",\"status\":\"healthy\"}", body);
    }

    [Fact]
    public async Task The_sources_list_shows_the_four_departments_and_their_mappings()
    {
        var body = await _hub.CreatePublisherClient("police").GetStringAsync(new Uri("/api/sources", UriKind.Relative));

        foreach (var source in new[] { "civil-affairs", "police", "disability-federation", "housing-security" })
        {
            Assert.Contains($"\"id\":\"{source}\"", body, StringComparison.Ordinal);
        }

        Assert.Contains("\"column\":\"救助类型\"", body, StringComparison.Ordinal);
        Assert.Contains("\"sensitivity\":\"l4\"", body, StringComparison.Ordinal);
    }

    private static string Sign(SecurityKey key, string issuer, string audience) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = issuer,
        Audience = audience,
        Claims = new Dictionary<string, object> { ["sub"] = "civil-affairs-client", ["roles"] = HubRoles.FeedPublisher("civil-affairs") },
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
    });
}
