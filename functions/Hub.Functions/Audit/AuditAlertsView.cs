using Hub.Core.Audit;

namespace Hub.Functions.Audit;

/// <summary>The alerts of a range, with the thresholds they were computed with.</summary>
internal sealed record AuditAlertsView(DateTimeOffset From, DateTimeOffset To, AuditAlertThresholdsView Thresholds, IReadOnlyList<AuditAlert> Alerts);
