using Hub.Core.Feeds.Batches;
using Hub.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Core.Feeds.Processing;

/// <summary>
/// Large feeds that bypass the HTTP body: a department is given a short-lived URL that may write one file into the
/// uploads container, uploads there, and then asks the Hub to take the file. Taking it hands the file to
/// <see cref="FeedIntake"/> like a pushed body, so the archive, the idempotency and the reports are the same; the
/// uploaded file is deleted once the archive holds it. The ticket (what was declared, until when) is a row of the
/// batches table beside the source's batches.
/// </summary>
public sealed partial class FeedUploads(HubStorage storage, TimeProvider time, IOptions<FeedProcessingOptions> options, ILogger<FeedUploads> logger)
{
    /// <summary>The uploads container's name of an upload's file: the source and the opaque upload id, nothing of the content.</summary>
    public static string FileName(string source, UploadId id) => $"{source}/{id}";

    /// <summary>Opens a ticket for <paramref name="submission"/> and signs a write-only URL for its file.</summary>
    public async Task<UploadGrant> GrantAsync(FeedSubmission submission, string? contentEncoding, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var now = time.GetUtcNow();
        var ticket = new UploadTicket(submission.Source, UploadId.New(), submission.Mode, submission.ContentType, contentEncoding, submission.SubmittedBy, now, now + options.Value.UploadUrlLifetime);
        var url = await storage.FeedUploadsFolder.WriteOnlyUrlAsync(FileName(ticket.Source, ticket.Id), now, ticket.ExpiresAt, cancellationToken).ConfigureAwait(false);
        var added = await storage.BatchesTable.AddAsync(UploadTicketEntity.From(ticket), cancellationToken).ConfigureAwait(false);
        if (!added.IsWritten)
        {
            throw new InvalidOperationException($"Upload {ticket.Id} of {ticket.Source} already exists.");
        }

        LogGranted(logger, ticket.Source, ticket.Id.Value, ticket.ExpiresAt);
        return new UploadGrant(ticket, url);
    }

    /// <summary>The ticket of upload <paramref name="id"/> of <paramref name="source"/>; null when the source has none of that id.</summary>
    public async Task<UploadTicket?> FindAsync(string source, UploadId id, CancellationToken cancellationToken = default)
    {
        var entity = await storage.BatchesTable.GetAsync<UploadTicketEntity>(UploadTicketEntity.PartitionPrefix + source, id.Value, cancellationToken).ConfigureAwait(false);
        return entity?.ToTicket();
    }

    /// <summary>Whether the ticket's URL no longer works.</summary>
    public bool HasExpired(UploadTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return time.GetUtcNow() >= ticket.ExpiresAt;
    }

    /// <summary>The length of the uploaded file; null while nothing (or no committed block list) has been uploaded.</summary>
    public Task<long?> UploadedLengthAsync(UploadTicket ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return storage.FeedUploadsFolder.LengthAsync(FileName(ticket.Source, ticket.Id), cancellationToken);
    }

    /// <summary>Reads the uploaded file forward, as the intake consumes it.</summary>
    public Task<Stream> OpenReadAsync(UploadTicket ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return storage.FeedUploadsFolder.OpenReadAsync(FileName(ticket.Source, ticket.Id), cancellationToken);
    }

    /// <summary>
    /// Records that the upload became batch <paramref name="batchId"/> and deletes the uploaded file: the archive holds
    /// the payload now. Asking again answers with that batch.
    /// </summary>
    public async Task<UploadTicket> RecordTakenAsync(UploadTicket ticket, string batchId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var taken = ticket with { BatchId = batchId };
        await storage.BatchesTable.UpsertAsync(UploadTicketEntity.From(taken), EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        await storage.FeedUploadsFolder.DeleteAsync(FileName(ticket.Source, ticket.Id), cancellationToken).ConfigureAwait(false);
        LogTaken(logger, ticket.Source, ticket.Id.Value, batchId);
        return taken;
    }

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Upload {UploadId} of {Source} granted until {ExpiresAt}")]
    private static partial void LogGranted(ILogger logger, string source, string uploadId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Upload {UploadId} of {Source} taken as batch {BatchId}")]
    private static partial void LogTaken(ILogger logger, string source, string uploadId, string batchId);
}
