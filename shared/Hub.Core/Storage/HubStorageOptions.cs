namespace Hub.Core.Storage;

/// <summary>How the Hub reaches its storage account.</summary>
public sealed class HubStorageOptions
{
    /// <summary>Configuration section: <c>Hub:Storage</c>.</summary>
    public const string SectionName = "Hub:Storage";

    /// <summary>A connection string (Azurite locally). Used when <see cref="AccountName"/> is not set.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The storage account name in Azure. When set, the Hub reaches the account's table, blob and queue endpoints
    /// with its managed identity (<c>DefaultAzureCredential</c>) and no key.
    /// </summary>
    public string? AccountName { get; set; }

    /// <summary>
    /// A prefix for every table, container and queue name (lower-case letters and digits), so several Hubs or test
    /// runs can share one account.
    /// </summary>
    public string NamePrefix { get; set; } = string.Empty;
}
