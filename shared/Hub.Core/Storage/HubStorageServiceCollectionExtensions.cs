using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
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
    /// managed identity in Azure, signing in at <c>Hub:Identity:AuthorityHost</c> otherwise) unless one was
    /// registered before, and reach the service URIs of the cloud named by <c>Hub:Storage:EndpointSuffix</c>.
    /// </summary>
    public static IServiceCollection AddHubStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HubStorageOptions>()
            .Bind(configuration.GetSection(HubStorageOptions.SectionName))
            .Validate(
                o => o.UsesServiceUris || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Storage is not configured: set Hub:Storage:AccountName (Azure, managed identity) or Hub:Storage:ConnectionString (Azurite).")
            .Validate(
                o => IsEndpointSuffix(o.EndpointSuffix),
                "Hub:Storage:EndpointSuffix must be a DNS suffix such as core.windows.net or core.chinacloudapi.cn, without a scheme or a leading dot.")
            .Validate(
                o => IsServiceUri(o.TableServiceUri) && IsServiceUri(o.BlobServiceUri) && IsServiceUri(o.QueueServiceUri),
                "Hub:Storage:TableServiceUri, BlobServiceUri and QueueServiceUri must be absolute https URIs.")
            .Validate(
                o => o.Audience is null || IsServiceUri(o.Audience),
                "Hub:Storage:Audience must be an absolute https URI, e.g. https://storage.azure.cn.")
            .Validate(
                o => Enum.IsDefined(o.KeyReads),
                "Hub:Storage:KeyReads must be Auto, PointReads or Queries.")
            .Validate(
                o => o.SplitTables == 0 || TableSplit.IsValidCount(o.SplitTables),
                "Hub:Storage:SplitTables must be 1, 2, 4, 8 or 16, or 0 to let the Hub choose (16 on the local emulator, 1 on Azure).")
            .Validate(
                o => o.NamePrefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)),
                "Hub:Storage:NamePrefix may hold only lower-case letters and digits.")
            .ValidateOnStart();

        services.AddOptions<HubIdentityOptions>()
            .Bind(configuration.GetSection(HubIdentityOptions.SectionName))
            .Validate(o => o.AuthorityHost is null || IsServiceUri(o.AuthorityHost), "Hub:Identity:AuthorityHost must be an absolute https URI, e.g. https://login.chinacloudapi.cn/.")
            .ValidateOnStart();

        services.AddSingleton<StorageOperationCounter>();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<HubIdentityOptions>>().Value.CreateCredential());
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

        if (options.UsesServiceUris)
        {
            // Tokens are asked for the cloud's storage resource: a public-Azure token is refused by Azure China.
            if (options.Audience is { } audience)
            {
                tableOptions.Audience = new TableAudience(audience.AbsoluteUri);
                blobOptions.Audience = new BlobAudience(audience.AbsoluteUri);
                queueOptions.Audience = new QueueAudience(audience.AbsoluteUri);
            }

            var credential = credentials();
            return new StorageClients(
                new TableServiceClient(options.ServiceUri("table", options.TableServiceUri), credential, tableOptions),
                new BlobServiceClient(options.ServiceUri("blob", options.BlobServiceUri), credential, blobOptions),
                new QueueServiceClient(options.ServiceUri("queue", options.QueueServiceUri), credential, queueOptions));
        }

        return new StorageClients(
            new TableServiceClient(options.ConnectionString, tableOptions),
            new BlobServiceClient(options.ConnectionString, blobOptions),
            new QueueServiceClient(options.ConnectionString, queueOptions));
    }

    private static bool IsEndpointSuffix(string suffix) =>
        suffix.Length > 0 && suffix[0] != '.' && suffix[^1] != '.' && Uri.CheckHostName(suffix) == UriHostNameType.Dns;

    private static bool IsServiceUri(Uri? uri) => uri is null || (uri.IsAbsoluteUri && uri.Scheme == Uri.UriSchemeHttps);

    private static T WithCounter<T>(T options, StorageOperationCounter counter)
        where T : ClientOptions
    {
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        return options;
    }

    /// <summary>The three account-level clients, created together from one configuration.</summary>
    internal sealed record StorageClients(TableServiceClient Tables, BlobServiceClient Blobs, QueueServiceClient Queues);
}
