using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Hub.Deployment.Tests;

/// <summary>
/// The endpoint table of the Hub as built from the code, without storage: the hosted services (storage set-up,
/// the local trigger runner) are removed, so nothing connects anywhere.
/// </summary>
internal static class HubEndpoints
{
    public static IReadOnlyList<EndpointDataSource> Load()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseEnvironment("Development")
            .UseSetting("Hub:Storage:ConnectionString", "UseDevelopmentStorage=true")

            // With an authority, as in Azure, the development sign-in is not mapped, exactly as in the package.
            .UseSetting("Hub:Auth:Authority", "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0")
            .ConfigureTestServices(services => services.RemoveAll<IHostedService>()));
        var sources = factory.Services.GetServices<EndpointDataSource>().ToList();

        // Read the endpoints while the host is alive; the data sources hold on to its services.
        return [new DefaultEndpointDataSource(sources.SelectMany(s => s.Endpoints).ToList())];
    }
}
