using Hub.Core.Audit;
using Hub.Functions.ApiDescription;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Hub.Functions.Audit;

/// <summary><c>GET /api/audit/alerts</c>: break-glass uses, refused person access and bulk access, each with its events.</summary>
internal static class AuditAlertsApi
{
    public static RouteGroupBuilder MapAuditAlerts(this RouteGroupBuilder group)
    {
        group.MapGet("/alerts", AlertsAsync)
            .WithName("AuditAlerts")
            .WithSummary("Alerts computed from the audit trail, with the events behind each (auditors)")
            .WithDescription($"from and to (ISO 8601, at most {AuditAlerts.MaxDays} days apart) are required. Kinds: breakGlass (every use), deniedPersonAccess (refused person.read, division.list, household.read, person.lookup, claim.verify, breakglass.grant, per user), bulkAccess (a user's hour above Hub:Audit:BulkAccessPerHour distinct persons, or above Hub:Audit:BulkAccessBaselineFactor times their median active hour of the previous days).")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        return group;
    }

    internal static async Task<Results<Ok<AuditAlertsView>, ProblemHttpResult>> AlertsAsync(
        [FromQuery] DateTimeOffset? from,
        [FromQuery] DateTimeOffset? to,
        AuditAlerts alerts,
        AuditScope audit,
        IOptions<AuditOptions> options,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        audit.Resource = "alerts";
        if (from is null || to is null || to < from || to - from > TimeSpan.FromDays(AuditAlerts.MaxDays))
        {
            return AuditApi.BadQuery($"'from' and 'to' are required, 'to' must not be before 'from', and they are at most {AuditAlerts.MaxDays} days apart.");
        }

        var scope = AuditorScope.Of(context);
        var found = (await alerts.FindAsync(from.Value, to.Value, cancellationToken)).Where(a => scope.Reviews(a.Division)).ToList();
        audit.RecordCount = found.Count;
        var o = options.Value;
        return TypedResults.Ok(new AuditAlertsView(
            from.Value, to.Value, new AuditAlertThresholdsView(o.BulkAccessPerHour, o.BulkAccessBaselineFactor, o.BulkAccessBaselineDays, o.BulkAccessBaselineFloor), found));
    }
}
