using Hub.Core.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.Audit;

/// <summary><c>GET /api/audit/events/export</c>: the event search as spreadsheet-safe CSV, streamed as it is read.</summary>
internal static class AuditExportApi
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static RouteGroupBuilder MapAuditExport(this RouteGroupBuilder group)
    {
        group.MapGet("/events/export", ExportEventsAsync)
            .WithName("ExportAuditEvents")
            .WithSummary("Export the audit events a search finds as CSV (auditors)")
            .WithDescription("The filters of GET /api/audit/events, every matching event oldest first, as UTF-8 CSV with BOM; cells that begin with =, +, - or @ are neutralised so a spreadsheet never runs them.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    internal static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportEventsAsync(
        [AsParameters] AuditSearchParameters filters, AuditSearch search, AuditLog audit, HttpContext context, CancellationToken cancellationToken)
    {
        if (filters.TryBuild(out var query) is { } problem)
        {
            return problem;
        }

        // Audit before answer: the export is recorded before its first byte leaves, so the count is not known yet
        // (0); the resource and filters say what was taken.
        await audit.AppendAsync(AuditApi.AuditorEvent(context, "export", recordCount: 0) with { PersonKeys = query.PersonKey is { } p ? [p] : [] }, cancellationToken);
        return TypedResults.Stream(
            stream => AuditCsv.WriteAsync(search.SearchAllAsync(query, context.RequestAborted), stream, context.RequestAborted),
            CsvContentType,
            "audit-events.csv");
    }
}
