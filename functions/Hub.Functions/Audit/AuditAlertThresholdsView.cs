namespace Hub.Functions.Audit;

/// <summary>The bulk-access thresholds in force (<c>Hub:Audit:BulkAccess*</c>).</summary>
internal sealed record AuditAlertThresholdsView(int BulkAccessPerHour, double BulkAccessBaselineFactor, int BulkAccessBaselineDays, int BulkAccessBaselineFloor);
