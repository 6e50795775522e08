using Hub.Core.Audit;
using Hub.Core.Divisions;
using Hub.Core.Identity.Rotation;
using Hub.Functions.ApiDescription;
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
            .WithDescription("The filters of GET /api/audit/events (personKey under every key of the person), every matching event oldest first, as UTF-8 CSV with BOM; cells that begin with =, +, - or @ are neutralised so a spreadsheet never runs them.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        return group;
    }

    internal static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportEventsAsync(
        [AsParameters] AuditSearchParameters filters, AuditSearch search, PersonKeyRotation rotation, DivisionDirectory divisions, AuditScope audit, HttpContext context)
    {
        audit.Resource = "export";
        if (filters.TryBuild(out var asked) is { } problem)
        {
            return problem;
        }

        if (!AuditorScope.Of(context).TryNarrow(asked, out var query))
        {
            return AuditorScope.OutsideScope();
        }

        // Audit before answer: the export is recorded before its first byte leaves, so the count is not known yet
        // (0); the resource and filters say what was taken.
        if (query.PersonKey is { } person)
        {
            audit.Touch(person);
            query = query with { PersonKeys = await rotation.KeysOfPersonAsync(person, context.RequestAborted) };
        }

        audit.RecordCount = 0;
        return TypedResults.Stream(
            stream => AuditCsv.WriteAsync(search.SearchAllAsync(query, context.RequestAborted), stream, divisions.Registry, context.RequestAborted),
            CsvContentType,
            "audit-events.csv");
    }
}
