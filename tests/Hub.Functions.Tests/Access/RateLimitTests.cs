using System.Net;
using System.Net.Http.Json;
using Hub.Core.Access;
using Hub.Functions.Access;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Functions.Tests.Access;

[Collection(AzuriteFixture.Collection)]
public sealed class RateLimitTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // Two requests at once and one more an hour later: the third request in a test is always over the limit.
    private readonly HubFactory _hub = new(azurite, new Dictionary<string, string?>
    {
        ["Hub:RateLimits:TokenLimit"] = "2",
        ["Hub:RateLimits:TokensPerPeriod"] = "1",
        ["Hub:RateLimits:ReplenishmentPeriod"] = "01:00:00",
    });

    private static readonly Uri UnknownProfile = new("/api/profiles/not-a-person-key", UriKind.Relative);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_user_over_the_limit_gets_429_with_retry_after_and_a_problem_body()
    {
        using var client = Steward("steward-1");
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.GetAsync(UnknownProfile);
            Assert.Equal(HttpStatusCode.NotFound, allowed.StatusCode);
        }

        using var response = await client.GetAsync(UnknownProfile);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(StatusCodes.Status429TooManyRequests, problem?.Status);
        Assert.Equal("Too many requests", problem?.Title);
    }

    [Fact]
    public async Task One_user_over_the_limit_does_not_limit_another()
    {
        using var first = Steward("steward-2");
        for (var i = 0; i < 3; i++)
        {
            using var _ = await first.GetAsync(UnknownProfile);
        }

        using var other = await Steward("steward-3").GetAsync(UnknownProfile);

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Feed_endpoints_are_not_rate_limited()
    {
        using var client = _hub.CreatePublisherClient("civil-affairs");
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/feeds/civil-affairs/batches", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var feedEndpoints = _hub.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/feeds", StringComparison.Ordinal) == true)
            .ToList();
        Assert.NotEmpty(feedEndpoints);
        Assert.All(feedEndpoints, e => Assert.Null(e.Metadata.GetMetadata<EnableRateLimitingAttribute>()));
    }

    [Fact]
    public void The_profile_endpoints_carry_the_per_user_policy()
    {
        using var _ = _hub.CreateClient();

        var profileEndpoints = _hub.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/profiles", StringComparison.Ordinal) == true)
            .ToList();

        Assert.NotEmpty(profileEndpoints);
        Assert.All(profileEndpoints, e => Assert.Equal(RateLimitExtensions.PerUserPolicy, e.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName));
        Assert.Equal(2, _hub.Services.GetRequiredService<IOptions<HubRateLimitOptions>>().Value.TokenLimit);
    }

    private HttpClient Steward(string subject) =>
        _hub.CreateClientWithToken(DevelopmentTokens.Mint(subject, [HubRoles.DataSteward], new Dictionary<string, string> { [HubClaims.Division] = "110105000000" }));
}
