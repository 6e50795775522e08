using System.Globalization;
using Hub.Core.Feeds.Batches;

namespace Hub.Core.Feeds.Processing;

/// <summary>
/// Decides whether a snapshot is probably not what its department meant, as directory-sync tools guard against
/// accidental deletes: one that would end-date more than the allowed share of the source's current records, or that
/// holds no accepted row at all (an HTML error page, a broken or empty export) while the source has current records,
/// is held for a person to confirm. A snapshot that would end nothing is never held.
/// </summary>
internal static class SnapshotGuard
{
    /// <summary>
    /// The hold for a snapshot of <paramref name="accepted"/> accepted rows (of <paramref name="received"/>) whose
    /// planned merge is <paramref name="planned"/>; null when it may be applied.
    /// </summary>
    public static SnapshotHold? Check(long received, long accepted, BatchCounts planned, double allowedShare, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(planned);

        // Every current record of the source is either sent again (updated or unchanged) or end-dated.
        var current = planned.Updated + planned.Unchanged + planned.EndDated;
        if (planned.EndDated == 0)
        {
            return null;
        }

        if (accepted == 0)
        {
            var read = received == 0 ? "read no rows" : $"read {received} rows and rejected every one";
            return new SnapshotHold(
                $"The snapshot {read}: applying it would end-date all {current} current records of the source. Check the export, or confirm that the register is now empty.",
                planned.EndDated,
                current,
                allowedShare,
                now);
        }

        if (planned.EndDated <= allowedShare * current)
        {
            return null;
        }

        var share = ((double)planned.EndDated / current).ToString("P0", CultureInfo.InvariantCulture);
        return new SnapshotHold(
            $"Applying the snapshot would end-date {planned.EndDated} of the source's {current} current records ({share}), more than the {allowedShare.ToString("P0", CultureInfo.InvariantCulture)} a snapshot may end-date unconfirmed. Check that the export is complete, then confirm or discard it.",
            planned.EndDated,
            current,
            allowedShare,
            now);
    }
}
