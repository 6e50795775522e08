using System.Globalization;
using Hub.Core.Kernel;
using Hub.Core.Quality;

namespace Hub.Functions.Quality;

/// <summary>
/// The data-quality figures as spreadsheet-safe CSV, one figure a row (a long table a spreadsheet pivots):
/// <c>source,batch,received_at,mode,figure,subject,other_source,count,total,rate</c>.
/// </summary>
internal static class QualityCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static async Task WriteAsync(IReadOnlyList<(string Source, QualityFigures Figures)> batches, Stream stream)
    {
        var csv = new SpreadsheetSafeCsv(stream);
        await using (csv.ConfigureAwait(false))
        {
            await csv.WriteRowAsync("source", "batch", "received_at", "mode", "figure", "subject", "other_source", "count", "total", "rate").ConfigureAwait(false);
            foreach (var (source, f) in batches)
            {
                Task Row(string figure, string? subject, string? other, long? count, long? total, double? rate) => csv.WriteRowAsync(
                    source, f.BatchId, f.ReceivedAt.ToString("O", CultureInfo.InvariantCulture), f.Mode.ToString().ToLowerInvariant(),
                    figure, subject, other, Number(count), Number(total), rate?.ToString("0.####", CultureInfo.InvariantCulture));

                await Row("rejected", null, null, f.Rejected, f.Received, f.RejectionRate).ConfigureAwait(false);
                await Row("kept_without_id", null, null, f.KeptWithoutId, f.Accepted, f.KeptWithoutIdShare).ConfigureAwait(false);
                foreach (var r in f.Rejections)
                {
                    await Row("rejection_reason", r.Field is null ? r.Reason : $"{r.Field}: {r.Reason}", null, r.Rows, f.Received, r.Rate).ConfigureAwait(false);
                }

                foreach (var c in f.Completeness)
                {
                    await Row("completeness", c.Attribute, null, c.Rows, f.Accepted, c.Share).ConfigureAwait(false);
                }

                foreach (var d in f.Disagreements)
                {
                    foreach (var o in d.ByDepartment)
                    {
                        await Row("disagreement", d.Attribute, o.Source, o.Differing, o.Compared, o.Rate).ConfigureAwait(false);
                    }
                }

                if (f.Lag is { } lag)
                {
                    await Row("lag_days", null, null, lag.Changes, lag.TotalDays, lag.MeanDays).ConfigureAwait(false);
                    await Row("lag_max_days", null, null, lag.MaxDays, null, null).ConfigureAwait(false);
                }
            }
        }
    }

    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);
}
