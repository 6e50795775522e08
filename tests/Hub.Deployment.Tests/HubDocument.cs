using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Hub.Deployment.Tests;

/// <summary>
/// The OpenAPI document the Hub serves, asked of an in-process Hub in Development without storage (the hosted
/// services are removed, so nothing connects anywhere): every route is described, the development sign-in's included.
/// </summary>
internal static class HubDocument
{
    public static async Task<string> FetchAsync()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseEnvironment("Development")
            .UseSetting("Hub:Storage:ConnectionString", "UseDevelopmentStorage=true")
            .ConfigureTestServices(services => services.RemoveAll<IHostedService>()));
        using var client = factory.CreateClient();
        return await client.GetStringAsync(new Uri("/api/openapi/v1.json", UriKind.Relative));
    }

    /// <summary>Writes the document into <paramref name="folder"/> and returns its path.</summary>
    public static async Task<string> WriteAsync(string folder)
    {
        var path = Path.Combine(folder, "openapi.json");
        await File.WriteAllTextAsync(path, await FetchAsync());
        return path;
    }
}
