using System.Globalization;
using Hub.Core.Divisions;
using Hub.Core.Kernel;

namespace Hub.Core.Audit;

/// <summary>Exports audit events as spreadsheet-safe CSV (UTF-8 with BOM, formula-like cells neutralised).</summary>
public static class AuditCsv
{
    private static readonly string[] Header =
    [
        "sequence", "time", "userId", "role", "division", "divisionName", "clientApplicationId", "clientAddress", "action", "resource",
        "personKeys", "fields", "purpose", "breakGlassReason", "outcome", "recordCount", "correlationId", "hash",
    ];

    /// <summary>
    /// Writes a header and one row per event to <paramref name="stream"/>; the user's division is named from
    /// <paramref name="divisions"/> (朝阳区 / 呼家楼街道) beside its code.
    /// </summary>
    public static async Task WriteAsync(IAsyncEnumerable<AuditRecord> records, Stream stream, DivisionRegistry? divisions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var csv = new SpreadsheetSafeCsv(stream);
        await csv.WriteRowAsync(Header).ConfigureAwait(false);
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var e = record.Event;
            await csv.WriteRowAsync(
                record.Sequence.ToString(CultureInfo.InvariantCulture),
                AuditCanonicalForm.FormatTime(record.Time),
                e.Actor.UserId,
                e.Actor.Role,
                e.Actor.Division,
                divisions is not null && DivisionCode.TryParse(e.Actor.Division, out var code, out _) ? divisions.FullNameOf(code.Value) : null,
                e.Actor.ClientApplicationId,
                e.Actor.ClientAddress,
                e.Action.Value,
                e.Resource,
                AuditCanonicalForm.JoinPersonKeys(e).Replace(',', ' '),
                AuditCanonicalForm.JoinFields(e).Replace(',', ' '),
                e.Purpose,
                e.BreakGlassReason,
                AuditCanonicalForm.FormatOutcome(e.Outcome),
                e.RecordCount.ToString(CultureInfo.InvariantCulture),
                e.CorrelationId,
                record.Hash).ConfigureAwait(false);
        }
    }
}
