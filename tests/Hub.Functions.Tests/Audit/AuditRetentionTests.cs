using Hub.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Functions.Tests.Audit;

[Collection(AzuriteFixture.Collection)]
public sealed class AuditRetentionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly HubFactory _hub = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public void No_route_under_api_audit_deletes_or_replaces_anything()
    {
        var routes = _hub.Services.GetServices<EndpointDataSource>()
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? string.Empty).TrimStart('/').StartsWith("api/audit", StringComparison.OrdinalIgnoreCase))
            .ToList();

        var methods = routes.SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.True(routes.Count >= 5, $"expected the auditor routes, found {routes.Count}");
        Assert.DoesNotContain("DELETE", methods);
        Assert.DoesNotContain("PUT", methods);
        Assert.DoesNotContain("PATCH", methods);
        Assert.All(methods, m => Assert.Contains(m, (string[])["GET", "POST"]));
    }

    [Fact]
    public void The_only_post_under_api_audit_is_verify_which_writes_nothing_but_its_own_audit_event()
    {
        var posts = _hub.Services.GetServices<EndpointDataSource>()
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? string.Empty).TrimStart('/').StartsWith("api/audit", StringComparison.OrdinalIgnoreCase))
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => e.RoutePattern.RawText);

        Assert.Equal(["/api/audit/verify"], posts);
    }
}
