using Azure.Core;
using Azure.Identity;

namespace Hub.Core.Storage;

/// <summary>Which Entra ID authority the Hub's own identity signs in to when it is not a managed identity.</summary>
public sealed class HubIdentityOptions
{
    /// <summary>Configuration section: <c>Hub:Identity</c>.</summary>
    public const string SectionName = "Hub:Identity";

    /// <summary>
    /// The cloud's Entra ID authority host: <c>https://login.microsoftonline.com/</c> (public Azure),
    /// <c>https://login.chinacloudapi.cn/</c> (<see cref="AzureAuthorityHosts.AzureChina"/>). Unset, the
    /// <c>AZURE_AUTHORITY_HOST</c> environment variable or public Azure. A managed identity asks the platform's own
    /// endpoint whatever this says; developer and workload-identity credentials sign in here.
    /// </summary>
    public Uri? AuthorityHost { get; set; }

    /// <summary>The credential the Hub's storage and telemetry clients use: the managed identity chain, in this cloud.</summary>
    public TokenCredential CreateCredential() =>
        AuthorityHost is null
            ? new DefaultAzureCredential()
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { AuthorityHost = AuthorityHost });
}
