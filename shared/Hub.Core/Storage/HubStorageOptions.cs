namespace Hub.Core.Storage;

/// <summary>How the Hub reaches its storage account.</summary>
public sealed class HubStorageOptions
{
    /// <summary>Configuration section: <c>Hub:Storage</c>.</summary>
    public const string SectionName = "Hub:Storage";

    /// <summary>The storage endpoint suffix of public Azure, the default of <see cref="EndpointSuffix"/>.</summary>
    public const string PublicCloudEndpointSuffix = "core.windows.net";

    /// <summary>A connection string (Azurite locally). Used when <see cref="AccountName"/> is not set.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The storage account name in Azure. When set, the Hub reaches the account's table, blob and queue endpoints
    /// with its managed identity (<c>DefaultAzureCredential</c>) and no key.
    /// </summary>
    public string? AccountName { get; set; }

    /// <summary>
    /// The cloud's storage endpoint suffix the service URIs are built with: <c>core.windows.net</c> (public Azure,
    /// the default), <c>core.chinacloudapi.cn</c> (Azure operated by 21Vianet), <c>core.usgovcloudapi.net</c>.
    /// </summary>
    public string EndpointSuffix { get; set; } = PublicCloudEndpointSuffix;

    /// <summary>The table service URI, when it is not <c>https://{AccountName}.table.{EndpointSuffix}</c> (a private or custom endpoint).</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>The blob service URI, when it is not <c>https://{AccountName}.blob.{EndpointSuffix}</c>.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>The queue service URI, when it is not <c>https://{AccountName}.queue.{EndpointSuffix}</c>.</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>
    /// The audience of the storage tokens the managed identity asks for: the cloud's storage resource
    /// (<c>https://storage.azure.cn</c> in Azure China). Unset, the storage clients' default, public Azure's
    /// <c>https://storage.azure.com</c>.
    /// </summary>
    public Uri? Audience { get; set; }

    /// <summary>
    /// A prefix for every table, container and queue name (lower-case letters and digits), so several Hubs or test
    /// runs can share one account.
    /// </summary>
    public string NamePrefix { get; set; } = string.Empty;

    /// <summary>True when the Hub reaches its account by service URIs and a token rather than a connection string.</summary>
    internal bool UsesServiceUris =>
        !string.IsNullOrWhiteSpace(AccountName) || (TableServiceUri is not null && BlobServiceUri is not null && QueueServiceUri is not null);

    /// <summary>The URI of one service (<c>table</c>, <c>blob</c>, <c>queue</c>): the configured one, or built from the account and suffix.</summary>
    internal Uri ServiceUri(string service, Uri? configured) =>
        configured ?? new Uri($"https://{AccountName}.{service}.{EndpointSuffix}");
}
