using Azure;
using Azure.Core.Pipeline;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Hub.Cli;

/// <summary>
/// Uploads a large feed file to the write-only URL the Hub gave for it, in blocks sent in parallel (the storage
/// library's own chunking and retries), so the file never passes through the Hub's request body.
/// </summary>
internal static class BlobUpload
{
    /// <summary>The size of one block, and of the largest file sent in one request.</summary>
    public const int BlockBytes = 8 * 1024 * 1024;

    private const int ParallelBlocks = 4;

    public static async Task UploadAsync(CliContext context, Uri url, Stream file, string contentType, IProgress<long> progress, CancellationToken cancellationToken)
    {
        var options = new BlobClientOptions();
        if (context.Handler is { } handler)
        {
            options.Transport = new HttpClientTransport(new HttpClient(handler, disposeHandler: false));
        }

        var blob = new BlockBlobClient(url, options);
        try
        {
            await blob.UploadAsync(
                file,
                new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                    TransferOptions = new StorageTransferOptions { InitialTransferSize = BlockBytes, MaximumTransferSize = BlockBytes, MaximumConcurrency = ParallelBlocks },
                    ProgressHandler = progress,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            // The storage error code says why (AuthenticationFailed for an expired URL, say); the URL itself is never shown.
            throw new HubRequestException(ex.Status, "Upload to storage failed", $"storage answered {ex.ErrorCode ?? ex.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}; push again for a new upload URL.");
        }
    }
}
