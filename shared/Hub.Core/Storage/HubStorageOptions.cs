using Azure.Data.Tables;

namespace Hub.Core.Storage;

/// <summary>How the Hub reaches its storage account.</summary>
public sealed class HubStorageOptions
{
    /// <summary>Configuration section: <c>Hub:Storage</c>.</summary>
    public const string SectionName = "Hub:Storage";

    /// <summary>The storage endpoint suffix of public Azure, the default of <see cref="EndpointSuffix"/>.</summary>
    public const string PublicCloudEndpointSuffix = "core.windows.net";

    // The well-known account of the storage emulator, whatever host it answers on.
    private const string EmulatorAccount = "devstoreaccount1";

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

    /// <summary>
    /// How a set of known row keys of one partition is read: <see cref="KeyReadMode.PointReads"/> (a request a key),
    /// <see cref="KeyReadMode.Queries"/> (a request for every 14 keys) or <see cref="KeyReadMode.Auto"/> (the default:
    /// point reads on the local emulator, which filters the whole table for every query, queries on Azure, except for the
    /// candidate index, whose partitions are too large for the partition scan Azure runs for such a query).
    /// </summary>
    public KeyReadMode KeyReads { get; set; } = KeyReadMode.Auto;

    /// <summary>
    /// How many tables each of the two large tables, <c>facts</c> and <c>candidates</c>, is split into by partition
    /// (<see cref="TableSplit"/>): 1, 2, 4, 8 or 16, or 0 (the default) for 16 on the local emulator, whose writes slow
    /// as a table grows, and 1 on Azure. A store keeps the split it was written with: the Hub refuses to start when the
    /// setting differs from it.
    /// </summary>
    public int SplitTables { get; set; }

    /// <summary>True when the Hub reaches its account by service URIs and a token rather than a connection string.</summary>
    internal bool UsesServiceUris =>
        !string.IsNullOrWhiteSpace(AccountName) || (TableServiceUri is not null && BlobServiceUri is not null && QueueServiceUri is not null);

    /// <summary>
    /// The key-read mode for <paramref name="tables"/>: <see cref="KeyReads"/>, or for <see cref="KeyReadMode.Auto"/>
    /// point reads when the account is the local emulator and queries otherwise.
    /// </summary>
    internal KeyReadMode KeyReadsFor(TableServiceClient tables) =>
        KeyReads != KeyReadMode.Auto ? KeyReads : IsEmulator(tables) ? KeyReadMode.PointReads : KeyReadMode.Queries;

    /// <summary>The tables a large table is split into for <paramref name="tables"/>: <see cref="SplitTables"/>, or when it is 0 as the account says.</summary>
    internal int SplitTablesFor(TableServiceClient tables) =>
        SplitTables != 0 ? SplitTables : IsEmulator(tables) ? TableSplit.EmulatorTables : 1;

    private bool IsEmulator(TableServiceClient tables) =>
        (!UsesServiceUris && ConnectionString?.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase) == true)
        || string.Equals(tables.AccountName, EmulatorAccount, StringComparison.Ordinal)
        || tables.Uri.IsLoopback;

    /// <summary>The URI of one service (<c>table</c>, <c>blob</c>, <c>queue</c>): the configured one, or built from the account and suffix.</summary>
    internal Uri ServiceUri(string service, Uri? configured) =>
        configured ?? new Uri($"https://{AccountName}.{service}.{EndpointSuffix}");
}
