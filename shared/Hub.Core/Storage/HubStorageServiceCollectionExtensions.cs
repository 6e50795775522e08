using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hub.Core.Storage;

/// <summary>Registers the Hub's storage clients once, as singletons.</summary>
public static class HubStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers table, blob and queue clients from <c>Hub:Storage:AccountName</c> (managed identity) or
    /// <c>Hub:Storage:ConnectionString</c> (Azurite), and <see cref="HubStorage"/>. With an account name the clients
    /// authenticate with the registered <see cref="TokenCredential"/>, a <see cref="DefaultAzureCredential"/> (the
    /// managed identity in Azure) unless one was registered before.
    /// </summary>
    public static IServiceCollection AddHubStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HubStorageOptions>()
            .Bind(configuration.GetSection(HubStorageOptions.SectionName))
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.AccountName) || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Storage is not configured: set Hub:Storage:AccountName (Azure, managed identity) or Hub:Storage:ConnectionString (Azurite).")
            .Validate(
                o => o.NamePrefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)),
                "Hub:Storage:NamePrefix may hold only lower-case letters and digits.")
            .ValidateOnStart();

        services.AddSingleton<StorageOperationCounter>();
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.AddSingleton(sp => CreateClients(
            sp.GetRequiredService<IOptions<HubStorageOptions>>().Value,
            sp.GetRequiredService<StorageOperationCounter>(),
            sp.GetRequiredService<TokenCredential>));
        services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Tables);
        services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Blobs);
        services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Queues);
        services.AddSingleton<HubStorage>();
        return services;
    }

    private static StorageClients CreateClients(HubStorageOptions options, StorageOperationCounter counter, Func<TokenCredential> credentials)
    {
        var tableOptions = WithCounter(new TableClientOptions(), counter);
        var blobOptions = WithCounter(new BlobClientOptions(), counter);

        // The Functions queue trigger expects base64 message bodies by default (extensions.queues.messageEncoding).
        var queueOptions = WithCounter(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }, counter);

        if (!string.IsNullOrWhiteSpace(options.AccountName))
        {
            var credential = credentials();
            return new StorageClients(
                new TableServiceClient(new Uri($"https://{options.AccountName}.table.core.windows.net"), credential, tableOptions),
                new BlobServiceClient(new Uri($"https://{options.AccountName}.blob.core.windows.net"), credential, blobOptions),
                new QueueServiceClient(new Uri($"https://{options.AccountName}.queue.core.windows.net"), credential, queueOptions));
        }

        return new StorageClients(
            new TableServiceClient(options.ConnectionString, tableOptions),
            new BlobServiceClient(options.ConnectionString, blobOptions),
            new QueueServiceClient(options.ConnectionString, queueOptions));
    }

    private static T WithCounter<T>(T options, StorageOperationCounter counter)
        where T : ClientOptions
    {
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        return options;
    }

    /// <summary>The three account-level clients, created together from one configuration.</summary>
    internal sealed record StorageClients(TableServiceClient Tables, BlobServiceClient Blobs, QueueServiceClient Queues);
}
