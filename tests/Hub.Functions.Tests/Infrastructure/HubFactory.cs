using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Hub.Core.Access;
using Hub.Core.Storage;
using Hub.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.Functions.Tests.Infrastructure;

/// <summary>
/// The Hub in-process against Azurite, with its own storage names, and clients that carry a chosen identity.
/// Every log line the Hub writes is captured, so tests can prove personal data never reaches a log.
/// </summary>
public sealed class HubFactory(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null, string? prefix = null) : WebApplicationFactory<Program>
{
    private static readonly ConcurrentDictionary<string, string> Documents = new(StringComparer.Ordinal);

    /// <summary>Storage name prefix; two factories given the same prefix share storage, like two Hub instances.</summary>
    public string Prefix { get; } = prefix ?? AzuriteFixture.UniquePrefix();

    /// <summary>Whether disposing the factory deletes its storage; off for all but the last of factories sharing a prefix.</summary>
    public bool DeleteStorageOnDispose { get; init; } = true;

    public CapturedLogs Logs { get; } = new();

    /// <summary>Every 500 the Hub answered; disposing the factory fails the test when there was one.</summary>
    internal ServerErrorGuard ServerErrors { get; } = new();

    /// <summary>Every answer the Hub gave; disposing the factory fails the test when one is not what the OpenAPI document says.</summary>
    internal OpenApiResponseGuard Answers { get; } = new();

    /// <summary>Registrations that replace the Hub's own, e.g. a storage client carrying a test's pipeline policy.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public HubStorage Storage => Services.GetRequiredService<HubStorage>();

    public StorageOperationCounter StorageOperations => Services.GetRequiredService<StorageOperationCounter>();

    /// <summary>A client with a development token for a feed publisher of <paramref name="source"/>.</summary>
    public HttpClient CreatePublisherClient(string source) => CreateClientWithToken(DevelopmentTokens.Mint($"{source}-client", [HubRoles.FeedPublisher(source)]));

    public HttpClient CreateClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Hub:Storage:ConnectionString", azurite.ConnectionString);
        builder.UseSetting("Hub:Storage:NamePrefix", Prefix);
        builder.UseSetting("Hub:Triggers:RetryDelay", "00:00:00.200");
        builder.UseSetting("Hub:Triggers:MaxPollingInterval", "00:00:00.250");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter>(ServerErrors);
            services.AddSingleton<IStartupFilter>(Answers);
        });
        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        var undocumented = await UndocumentedAnswersAsync();

        // Deleted after the Hub has stopped, so its shutdown writes (the audit index cursor) do not meet deleted tables.
        var storage = DeleteStorageOnDispose ? Storage : null;
        await base.DisposeAsync();
        if (storage is not null)
        {
            await storage.DeleteAllAsync();
        }

        if (ServerErrors.Errors.Count > 0)
        {
            throw new InvalidOperationException($"The Hub answered 500 (a client's mistake must be a 4xx, a fault a 503): {string.Join("; ", ServerErrors.Errors.Distinct())}");
        }

        if (undocumented.Count > 0)
        {
            throw new InvalidOperationException($"The Hub answered what its OpenAPI document does not say:\n{string.Join("\n", undocumented)}");
        }
    }

    // Checked while the Hub still runs, since the document is asked of it.
    private async Task<IReadOnlyList<string>> UndocumentedAnswersAsync()
    {
        if (Answers.Responses.Count == 0)
        {
            return [];
        }

        // The routes, and so the document, follow from the code and the settings alone; it is generated once per settings.
        var key = string.Join('\n', (settings ?? new Dictionary<string, string?>()).OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));
        if (!Documents.TryGetValue(key, out var document))
        {
            using var client = CreateClient();
            document = Documents.GetOrAdd(key, await client.GetStringAsync(new Uri("/api/openapi/v1.json", UriKind.Relative)));
        }

        var contract = OpenApiContract.Of(document);
        return Answers.Responses.SelectMany(contract.Check).Distinct(StringComparer.Ordinal).ToList();
    }
}
