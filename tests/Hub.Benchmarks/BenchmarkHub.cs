using System.Net.Http.Headers;
using Hub.Core.Access;
using Hub.Core.Storage;
using Hub.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Benchmarks;

/// <summary>The Hub on Kestrel on a loopback port, so the benchmark drives it over real HTTP while reading its storage counter.</summary>
internal sealed class BenchmarkHub(string storage, string prefix, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public StorageOperationCounter StorageOperations => Services.GetRequiredService<StorageOperationCounter>();

    public HubStorage Storage => Services.GetRequiredService<HubStorage>();

    /// <summary>
    /// Whether disposing deletes the storage under the prefix, after the Hub has stopped (so its shutdown writes, such
    /// as the audit index cursor, do not meet deleted tables). Off for a copy of the Hub that shares another's storage.
    /// </summary>
    public bool DeleteStorageOnDispose { get; init; }

    public HttpClient CreatePublisherClient(string source)
    {
        var client = CreateClient();
        client.Timeout = TimeSpan.FromMinutes(30);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Mint($"{source}-client", [HubRoles.FeedPublisher(source)]));
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        var storage = DeleteStorageOnDispose ? Storage : null;
        await base.DisposeAsync();
        if (storage is not null)
        {
            await storage.DeleteAllAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Hub:Storage:ConnectionString", storage);
        builder.UseSetting("Hub:Storage:NamePrefix", prefix);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
        builder.UseSetting("Logging:LogLevel:Hub.Core.Feeds.Processing.FeedProcessor", "Information");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
