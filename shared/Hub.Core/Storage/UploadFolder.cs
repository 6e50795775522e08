using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;

namespace Hub.Core.Storage;

/// <summary>
/// The container departments upload large feeds into, each file through its own short-lived URL that may create and
/// write that one file and do nothing else (no read, no list, no delete). The URL is signed the way the account is
/// reached: with a user delegation key got with the Hub's managed identity (Azure, no account key anywhere), or with
/// the account key of a connection string (Azurite, which has no user delegation keys).
/// </summary>
public sealed class UploadFolder
{
    // A clock a little behind the Hub's must not see a fresh URL as not yet valid.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly BlobServiceClient _service;
    private readonly BlobContainerClient _container;

    internal UploadFolder(BlobServiceClient service, BlobContainerClient container)
    {
        _service = service;
        _container = container;
    }

    /// <summary>The container's name in the account.</summary>
    public string Name => _container.Name;

    /// <summary>Whether URLs are signed with an account key (a connection string) rather than a user delegation key.</summary>
    public bool SignsWithAccountKey => _container.CanGenerateSasUri;

    /// <summary>
    /// A URL that lets its holder create and write file <paramref name="name"/> (a Put Blob, or Put Block and Put Block
    /// List) from <paramref name="now"/> until <paramref name="expiresAt"/>, over HTTPS where the account speaks it.
    /// </summary>
    public async Task<Uri> WriteOnlyUrlAsync(string name, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var blob = _container.GetBlobClient(name);
        var sas = new BlobSasBuilder(BlobSasPermissions.Create | BlobSasPermissions.Write, expiresAt)
        {
            BlobContainerName = _container.Name,
            BlobName = name,
            Resource = "b",
            StartsOn = now - ClockSkew,
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }

        // Needs Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action, which Storage Blob
        // Data Contributor includes; the key lives no longer than the URL it signs.
        var key = await _service.GetUserDelegationKeyAsync(now - ClockSkew, expiresAt, cancellationToken).ConfigureAwait(false);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key.Value, _service.AccountName) }.ToUri();
    }

    /// <summary>The length in bytes of file <paramref name="name"/>; null when it has not been written (or its upload is not committed).</summary>
    public async Task<long?> LengthAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var properties = await _container.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return properties.Value.ContentLength;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>A stream that reads file <paramref name="name"/> forward as it is consumed, without holding it in memory or on disk.</summary>
    public async Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken = default) =>
        (await _container.GetBlobClient(name).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.Content;

    /// <summary>Deletes file <paramref name="name"/>; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        (await _container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
}
