using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Hub.Core.Storage;

/// <summary>
/// One of the Hub's blob containers, as a folder of named files: write once or over, read, list by prefix or by
/// folder. Whether a container is write-once (WORM) is the account's configuration (see <c>infra/</c>); the Hub
/// never overwrites what <see cref="CreateAsync"/> wrote, so it behaves the same with retention on or off.
/// A folder of personal data is sealed: each file encrypted before it leaves the Hub (the storage library's client-side
/// encryption, version 2: AES-256-GCM in 4 MiB regions under a key per file, that key wrapped by the Hub's
/// key-encryption key and kept in the file's metadata), and opened as it is read; files written before sealing read as
/// they are.
/// </summary>
public sealed class BlobFolder
{
    private readonly BlobContainerClient _container;
    private readonly ClientSideEncryptionOptions? _sealing;

    internal BlobFolder(BlobContainerClient container, BlobSealing? sealing = null)
    {
        _container = container;
        _sealing = sealing is null
            ? null
            : new ClientSideEncryptionOptions(ClientSideEncryptionVersion.V2_0) { KeyEncryptionKey = sealing.Key, KeyResolver = sealing.Resolver, KeyWrapAlgorithm = sealing.KeyWrapAlgorithm };
    }

    /// <summary>Whether files are sealed as they are written.</summary>
    public bool IsSealed => _sealing is not null;

    /// <summary>The container's name in the account.</summary>
    public string Name => _container.Name;

    /// <summary>Whether the container exists (one request; also a cheap reachability probe).</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default) =>
        (await _container.ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Whether a file named <paramref name="name"/> exists.</summary>
    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default) =>
        (await Blob(name).ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>
    /// Writes <paramref name="content"/> as a new file <paramref name="name"/>, only if there is none of that name:
    /// false when one is already there (409), which is left as it was.
    /// </summary>
    public async Task<bool> CreateAsync(string name, BinaryData content, string contentType, CancellationToken cancellationToken = default)
    {
        try
        {
            await Blob(name).UploadAsync(
                content,
                new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Writes <paramref name="content"/> as file <paramref name="name"/>, replacing any file of that name.</summary>
    public Task UploadAsync(string name, Stream content, string contentType, CancellationToken cancellationToken = default) =>
        UploadAsync(name, content, contentType, metadata: null, cancellationToken);

    /// <summary>
    /// Writes <paramref name="content"/> as file <paramref name="name"/> with <paramref name="metadata"/> (names and
    /// values kept beside the file), replacing any file of that name. A failure of the stream being read is thrown as
    /// whatever the storage client wrapped it in.
    /// </summary>
    public Task UploadAsync(string name, Stream content, string contentType, IDictionary<string, string>? metadata, CancellationToken cancellationToken = default) =>
        Blob(name).UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType }, Metadata = metadata }, cancellationToken);

    /// <summary>Deletes file <paramref name="name"/>; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        (await Blob(name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>The whole content of file <paramref name="name"/>; null when there is none.</summary>
    public async Task<BinaryData?> DownloadAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await Blob(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Downloads file <paramref name="name"/> to the local file <paramref name="path"/> (for readers that need to seek).</summary>
    public Task DownloadToAsync(string name, string path, CancellationToken cancellationToken = default) =>
        Blob(name).DownloadToAsync(path, cancellationToken);

    /// <summary>
    /// A stream that reads file <paramref name="name"/> as it is consumed, without holding it in memory. A sealed file's
    /// stream is forward-only: its length as stored is not the length opened, so nothing may take one for the other.
    /// </summary>
    public async Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken = default) =>
        _sealing is null
            ? await Blob(name).OpenReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false)
            : (await Blob(name).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.Content;

    /// <summary>The names of the files whose names start with <paramref name="prefix"/>, in name order.</summary>
    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            yield return blob.Name;
        }
    }

    /// <summary>
    /// The top-level folders (names up to and including the first <paramref name="delimiter"/>, e.g. <c>d20250102/</c>),
    /// in name order, in one listing that reads no file name below them.
    /// </summary>
    public async IAsyncEnumerable<string> ListFoldersAsync(string delimiter = "/", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in _container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, delimiter, prefix: null, cancellationToken).ConfigureAwait(false))
        {
            if (item.IsPrefix)
            {
                yield return item.Prefix;
            }
        }
    }


    private BlobClient Blob(string name) =>
        _sealing is null ? _container.GetBlobClient(name) : _container.GetBlobClient(name).WithClientSideEncryptionOptions(_sealing);
}
