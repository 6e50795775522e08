using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using Hub.Core.Feeds.Batches;
using Hub.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Core.Feeds.Processing;

/// <summary>
/// Accepts a pushed feed: archives the raw payload to blob storage, opens a batch and queues it. The payload is
/// archived before the caller hears "accepted", so the Hub can always replay it.
/// </summary>
public sealed partial class FeedIntake(HubStorage storage, BatchStore batches, TimeProvider time, IOptions<FeedProcessingOptions> options, ILogger<FeedIntake> logger)
{
    /// <summary>The archive blob name of a batch's payload.</summary>
    public static string PayloadBlobName(string source, string batchId) => $"{source}/{batchId}";

    /// <summary>Archives and queues a feed, or returns the batch that already carries the same payload.</summary>
    public async Task<IntakeResult> AcceptAsync(FeedSubmission submission, Stream body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(body);
        var now = time.GetUtcNow();
        var batchId = string.Create(CultureInfo.InvariantCulture, $"{now:yyyyMMddHHmmss}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}");
        var archive = storage.FeedArchiveFolder;
        var payload = PayloadBlobName(submission.Source, batchId);

        string hash;
        long length;
        var counted = new HashingStream(body, options.Value.MaxPayloadBytes);
        await using (counted.ConfigureAwait(false))
        {
            try
            {
                var metadata = new Dictionary<string, string> { ["source"] = submission.Source, ["mode"] = submission.Mode.ToString(), ["batch"] = batchId };
                await archive.UploadAsync(payload, counted, submission.ContentType.ToString(), metadata, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (counted.Fault is { } fault)
            {
                // The body, not storage, failed (whatever the storage client wrapped it in): keep nothing, and let the
                // caller answer for the body's own error.
                await DiscardAsync(archive, payload).ConfigureAwait(false);
                if (fault is PayloadTooLargeException)
                {
                    return IntakeResult.TooLarge;
                }

                ExceptionDispatchInfo.Throw(fault);
                throw;
            }

            hash = counted.HashHex();
            length = counted.Length;
        }

        if (length == 0 || (submission.DeclaredBytes is { } declared && declared != length))
        {
            await DiscardAsync(archive, payload).ConfigureAwait(false);
            return length == 0 ? IntakeResult.Empty : IntakeResult.Incomplete;
        }

        var earlier = await batches.ClaimContentAsync(submission.Source, submission.Mode, $"{submission.ContentType.ReadingKey}-{hash}", batchId, cancellationToken).ConfigureAwait(false);
        if (earlier is not null && earlier != batchId)
        {
            // The same payload was pushed before: answer with that batch and keep one archived copy.
            await archive.DeleteAsync(payload, cancellationToken).ConfigureAwait(false);
            var existing = await batches.GetAsync(submission.Source, earlier, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                if (existing.Status == BatchStatus.Accepted)
                {
                    // The first push may have stopped before its message was queued; processing is idempotent, so queue again.
                    await EnqueueAsync(existing, cancellationToken).ConfigureAwait(false);
                }

                LogDuplicate(logger, submission.Source, existing.Id);
                return IntakeResult.Duplicate(existing);
            }

            // The first push stopped between claiming the payload and recording its batch: finish it under that id.
            batchId = earlier;
            payload = PayloadBlobName(submission.Source, batchId);
            if (!await archive.ExistsAsync(payload, cancellationToken).ConfigureAwait(false))
            {
                return IntakeResult.Retry;
            }
        }

        var batch = new FeedBatch
        {
            Id = batchId,
            Source = submission.Source,
            Mode = submission.Mode,
            Status = BatchStatus.Accepted,
            ContentType = submission.ContentType.ToString(),
            ContentHash = hash,
            PayloadBytes = length,
            SubmittedBy = submission.SubmittedBy,
            ReceivedAt = now,
        };
        await batches.CreateAsync(batch, cancellationToken).ConfigureAwait(false);
        await EnqueueAsync(batch, cancellationToken).ConfigureAwait(false);
        LogAccepted(logger, batch.Source, batch.Id, batch.PayloadBytes);
        return IntakeResult.Accepted(batch);
    }

    // Not cancelled with the request: a client that went away is the usual reason to discard, and the payload must go anyway.
    private static async Task DiscardAsync(BlobFolder archive, string payload) =>
        await archive.DeleteAsync(payload, CancellationToken.None).ConfigureAwait(false);

    private Task EnqueueAsync(FeedBatch batch, CancellationToken cancellationToken) => FeedBatchMessage.SendAsync(storage, batch, cancellationToken);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Feed of {Source} accepted as batch {BatchId} ({Bytes} bytes)")]
    private static partial void LogAccepted(ILogger logger, string source, string batchId, long bytes);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Feed of {Source} repeats the payload of batch {BatchId}; no new batch")]
    private static partial void LogDuplicate(ILogger logger, string source, string batchId);
}
