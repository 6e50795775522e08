using System.Globalization;
using Hub.Core.Divisions;
using Hub.Core.Feeds.Batches;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Reading;
using Hub.Core.Feeds.Sources;
using Hub.Core.Identity.Keys;
using Hub.Core.Kernel;
using Hub.Core.Storage;
using Microsoft.Extensions.Options;

namespace Hub.Core.Feeds.Processing;

/// <summary>
/// The reading phase of a batch: reads the archived payload row by row, validates, normalises and keys each row,
/// spills the accepted records to the batch's <see cref="SpillFiles"/> and writes the full rejection report.
/// </summary>
internal sealed class RecordSpiller(HubStorage storage, PersonKeyHasher hasher, DivisionDirectory divisions, IOptions<FeedProcessingOptions> options)
{
    public async Task<SpillResult> SpillAsync(FeedBatch batch, SourceMapping mapping, BatchWorkFolder work, BatchQualityTally quality, CancellationToken cancellationToken)
    {
        if (!FeedContentType.TryParse(batch.ContentType, out var contentType))
        {
            throw new FeedFormatException(0, $"stored content type '{batch.ContentType}' is not a feed format");
        }

        var payload = await OpenPayloadAsync(batch, contentType, work, cancellationToken).ConfigureAwait(false);
        await using var payloadScope = payload.ConfigureAwait(false);

        // Births and division codes are checked against the day the batch was received, not the day it is processed:
        // a retried or replayed batch gives the same answers (while the division registry stays the same version).
        var validator = new FeedRecordValidator(mapping, contentType.Format, hasher, ChinaStandardTime.DateOf(batch.ReceivedAt), divisions.Registry);
        var spill = SpillFiles.Create(work, batch.GroupCount);
        await using var spillScope = spill.ConfigureAwait(false);
        await using var rejectsFile = File.Create(work.File("rejects.csv"));
        var rejects = new SpreadsheetSafeCsv(rejectsFile);
        await using (rejects.ConfigureAwait(false))
        {
            await rejects.WriteRowAsync("row", "field", "reason", "outcome").ConfigureAwait(false);
            var firstRejections = new List<Rejection>();
            long received = 0, rejectedRows = 0, unidentified = 0;
            await foreach (var row in FeedReader.ReadAsync(payload, contentType, mapping.Encoding, validator.CheckHeader, cancellationToken).ConfigureAwait(false))
            {
                received++;
                if (validator.TryAccept(row, out var record, out var personKey, out var problems))
                {
                    // A source without IDs has no ID problem to report, but its records are matched all the same.
                    unidentified += record.IsIdentified ? 0 : 1;
                    quality.Accepted(record.Attributes);
                    if (record.IdProblem is { } idProblem)
                    {
                        await rejects.WriteRowAsync(Number(idProblem.Row), idProblem.Field, idProblem.Reason, FeedProcessor.KeptForMatching).ConfigureAwait(false);
                    }

                    foreach (var warning in record.Warnings)
                    {
                        var outcome = warning.Outcome == InvalidValuePolicy.Keep ? FeedProcessor.KeptAsSent : FeedProcessor.ValueDropped;
                        await rejects.WriteRowAsync(Number(warning.Problem.Row), warning.Problem.Field, warning.Problem.Reason, outcome).ConfigureAwait(false);
                    }

                    await spill.WriteAsync(new SpilledRecord(personKey.Value.Value, row.Number, record.Discriminator, record.IsIdentified, record.Attributes)).ConfigureAwait(false);
                    continue;
                }

                rejectedRows++;
                quality.Rejected(problems);
                foreach (var problem in problems)
                {
                    if (firstRejections.Count < options.Value.FirstRejectionsShown)
                    {
                        firstRejections.Add(problem);
                    }

                    await rejects.WriteRowAsync(Number(problem.Row), problem.Field, problem.Reason, FeedProcessor.Rejected).ConfigureAwait(false);
                }
            }

            await rejects.DisposeAsync().ConfigureAwait(false);
            rejectsFile.Position = 0;
            await storage.RejectsFolder.UploadAsync(FeedProcessor.RejectsBlobName(batch.Source, batch.Id), rejectsFile, "text/csv", cancellationToken).ConfigureAwait(false);
            return new SpillResult(received, rejectedRows, unidentified, firstRejections, validator.IgnoredColumns, validator.LikelyCauses);
        }
    }

    private async Task<Stream> OpenPayloadAsync(FeedBatch batch, FeedContentType contentType, BatchWorkFolder work, CancellationToken cancellationToken)
    {
        var name = FeedIntake.PayloadBlobName(batch.Source, batch.Id);
        if (contentType.Format != FeedFormat.Xlsx)
        {
            return await storage.FeedArchiveFolder.OpenReadAsync(name, cancellationToken).ConfigureAwait(false);
        }

        // A workbook is a zip archive and needs a seekable file.
        var path = work.File("payload.xlsx");
        work.Charge(batch.PayloadBytes);
        await storage.FeedArchiveFolder.DownloadToAsync(name, path, cancellationToken).ConfigureAwait(false);
        return File.OpenRead(path);
    }

    private static string Number(long row) => row.ToString(CultureInfo.InvariantCulture);
}
