using Azure.Core;
using Azure.Data.Tables;
using Azure.Data.Tables.Sas;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Hub.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Deployment.Tests;

/// <summary>
/// In Azure the Hub reaches its account by service URI and managed identity; locally it uses a connection string.
/// Nothing here touches the network: the credential below fails before any request is sent.
/// </summary>
public sealed class StorageClientChoiceTests
{
    [Fact]
    public void With_an_account_name_the_clients_point_at_the_account_service_URIs()
    {
        using var services = Build(new() { ["Hub:Storage:AccountName"] = "hubdataprod" });

        Assert.Equal(new Uri("https://hubdataprod.table.core.windows.net/"), services.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://hubdataprod.blob.core.windows.net/"), services.GetRequiredService<BlobServiceClient>().Uri);
        Assert.Equal(new Uri("https://hubdataprod.queue.core.windows.net/"), services.GetRequiredService<QueueServiceClient>().Uri);
    }

    [Fact]
    public void In_Azure_China_the_clients_point_at_the_China_service_URIs()
    {
        using var services = Build(new() { ["Hub:Storage:AccountName"] = "hubdataprod", ["Hub:Storage:EndpointSuffix"] = "core.chinacloudapi.cn" });

        Assert.Equal(new Uri("https://hubdataprod.table.core.chinacloudapi.cn/"), services.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://hubdataprod.blob.core.chinacloudapi.cn/"), services.GetRequiredService<BlobServiceClient>().Uri);
        Assert.Equal(new Uri("https://hubdataprod.queue.core.chinacloudapi.cn/"), services.GetRequiredService<QueueServiceClient>().Uri);
    }

    [Fact]
    public void A_configured_service_URI_wins_over_the_one_built_from_the_account_name()
    {
        using var services = Build(new()
        {
            ["Hub:Storage:AccountName"] = "hubdataprod",
            ["Hub:Storage:BlobServiceUri"] = "https://hubdataprod-secondary.blob.core.chinacloudapi.cn/",
        });

        Assert.Equal(new Uri("https://hubdataprod-secondary.blob.core.chinacloudapi.cn/"), services.GetRequiredService<BlobServiceClient>().Uri);
        Assert.Equal(new Uri("https://hubdataprod.queue.core.windows.net/"), services.GetRequiredService<QueueServiceClient>().Uri);
    }

    [Fact]
    public void Three_service_URIs_need_no_account_name()
    {
        using var services = Build(new()
        {
            ["Hub:Storage:TableServiceUri"] = "https://hub.table.core.chinacloudapi.cn/",
            ["Hub:Storage:BlobServiceUri"] = "https://hub.blob.core.chinacloudapi.cn/",
            ["Hub:Storage:QueueServiceUri"] = "https://hub.queue.core.chinacloudapi.cn/",
        });

        Assert.Equal("hub.table.core.chinacloudapi.cn", services.GetRequiredService<TableServiceClient>().Uri.Host);
    }

    [Fact]
    public async Task With_a_configured_audience_every_client_asks_for_a_token_of_that_cloud()
    {
        var credential = new RefusingCredential();
        using var services = Build(new()
        {
            ["Hub:Storage:AccountName"] = "hubdataprod",
            ["Hub:Storage:EndpointSuffix"] = "core.chinacloudapi.cn",
            ["Hub:Storage:Audience"] = "https://storage.azure.cn",
        }, credential);

        await Assert.ThrowsAsync<TokenRefusedException>(() => services.GetRequiredService<TableServiceClient>().GetPropertiesAsync());
        await Assert.ThrowsAsync<TokenRefusedException>(() => services.GetRequiredService<BlobServiceClient>().GetPropertiesAsync());
        await Assert.ThrowsAsync<TokenRefusedException>(() => services.GetRequiredService<QueueServiceClient>().GetPropertiesAsync());

        Assert.Equal(3, credential.Scopes.Count);
        Assert.All(credential.Scopes, scope => Assert.Equal("https://storage.azure.cn/.default", scope));
    }

    [Theory]
    [InlineData("Hub:Storage:EndpointSuffix", "https://core.chinacloudapi.cn")]
    [InlineData("Hub:Storage:EndpointSuffix", ".core.chinacloudapi.cn")]
    [InlineData("Hub:Storage:BlobServiceUri", "http://hubdataprod.blob.core.chinacloudapi.cn/")]
    [InlineData("Hub:Storage:Audience", "storage.azure.cn")]
    public void A_malformed_endpoint_setting_stops_the_Hub_with_its_key_named(string key, string value)
    {
        using var services = Build(new() { ["Hub:Storage:AccountName"] = "hubdataprod", [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IOptions<HubStorageOptions>>().Value);

        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_authority_host_stops_the_Hub_with_its_key_named()
    {
        using var services = Build(new() { ["Hub:Storage:AccountName"] = "hubdataprod", ["Hub:Identity:AuthorityHost"] = "login.chinacloudapi.cn" }, credential: null);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<TokenCredential>());

        Assert.Contains("Hub:Identity:AuthorityHost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_an_account_name_the_clients_hold_no_account_key()
    {
        using var services = Build(new() { ["Hub:Storage:AccountName"] = "hubdataprod" });

        Assert.False(services.GetRequiredService<BlobServiceClient>().CanGenerateAccountSasUri);
        Assert.False(services.GetRequiredService<QueueServiceClient>().CanGenerateAccountSasUri);
        Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<TableServiceClient>()
            .GenerateSasUri(TableAccountSasPermissions.Read, TableAccountSasResourceTypes.Service, DateTimeOffset.UtcNow.AddHours(1)));
    }

    [Fact]
    public void With_an_account_name_the_default_credential_is_the_managed_identity_chain()
    {
        using var services = Build(new() { ["Hub:Storage:AccountName"] = "hubdataprod" }, credential: null);

        Assert.IsType<DefaultAzureCredential>(services.GetRequiredService<TokenCredential>());
    }

    [Fact]
    public async Task With_an_account_name_every_client_asks_the_credential_for_a_storage_token()
    {
        var credential = new RefusingCredential();
        using var services = Build(new() { ["Hub:Storage:AccountName"] = "hubdataprod" }, credential);

        await Assert.ThrowsAsync<TokenRefusedException>(() => services.GetRequiredService<TableServiceClient>().GetPropertiesAsync());
        await Assert.ThrowsAsync<TokenRefusedException>(() => services.GetRequiredService<BlobServiceClient>().GetPropertiesAsync());
        await Assert.ThrowsAsync<TokenRefusedException>(() => services.GetRequiredService<QueueServiceClient>().GetPropertiesAsync());

        Assert.Equal(3, credential.Scopes.Count);
        Assert.All(credential.Scopes, scope => Assert.Equal("https://storage.azure.com/.default", scope));
    }

    [Fact]
    public void With_a_connection_string_the_clients_point_at_the_emulator_and_never_ask_for_a_token()
    {
        var credential = new RefusingCredential();
        using var services = Build(new() { ["Hub:Storage:ConnectionString"] = "UseDevelopmentStorage=true" }, credential);

        var tables = services.GetRequiredService<TableServiceClient>();
        var blobs = services.GetRequiredService<BlobServiceClient>();
        var queues = services.GetRequiredService<QueueServiceClient>();

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), tables.Uri);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), blobs.Uri);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), queues.Uri);
        Assert.True(blobs.CanGenerateAccountSasUri);
        Assert.Empty(credential.Scopes);
    }

    [Fact]
    public void With_both_settings_the_account_name_wins()
    {
        using var services = Build(new()
        {
            ["Hub:Storage:AccountName"] = "hubdataprod",
            ["Hub:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        });

        Assert.Equal("hubdataprod.blob.core.windows.net", services.GetRequiredService<BlobServiceClient>().Uri.Host);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, TokenCredential? credential = default)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (credential is not null)
        {
            services.AddSingleton(credential);
        }

        services.AddHubStorage(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) => Build(settings, new RefusingCredential());

    /// <summary>Records the scopes it is asked for and refuses, so a client fails before it sends anything.</summary>
    private sealed class RefusingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw Refuse(requestContext);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw Refuse(requestContext);

        private TokenRefusedException Refuse(TokenRequestContext requestContext)
        {
            lock (Scopes)
            {
                Scopes.AddRange(requestContext.Scopes);
            }

            return new TokenRefusedException();
        }
    }

    private sealed class TokenRefusedException : Exception;
}
