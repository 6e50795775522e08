using Hub.Core.Audit;
using Hub.Core.Retention;
using Hub.Functions.Access;
using Hub.Functions.Audit;

namespace Hub.Functions.Retention;

/// <summary>
/// The retention sweep for an administrator: preview who has expired (a dry run that changes nothing), or erase them
/// now rather than at night. Either request is one audit event naming every key it found; the answer names persons by
/// key only, as an administrator is given no person data.
/// </summary>
internal static class RetentionApi
{
    public static IEndpointRouteBuilder MapRetentionApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/retention")
            .WithTags("Retention")
            .RequireAuthorization(AuthenticationExtensions.AdministratorPolicy)
            .RequireRateLimiting(RateLimitExtensions.PerUserPolicy);

        group.MapPost("/preview", PreviewAsync)
            .WithName("PreviewRetention")
            .WithSummary("Who the retention policy would erase today, changing nothing (a dry run)")
            .Produces<RetentionReportView>(StatusCodes.Status200OK)
            .Audited(AuditAction.RetentionSweep);

        group.MapPost("/erase", EraseAsync)
            .WithName("EraseExpired")
            .WithSummary("Erase every person whose retention has run out, now")
            .Produces<RetentionReportView>(StatusCodes.Status200OK)
            .Audited(AuditAction.PersonErase);

        return routes;
    }

    internal static Task<IResult> PreviewAsync(AuditScope audit, RetentionSweep sweep, CancellationToken cancellationToken) =>
        RunAsync(dryRun: true, audit, sweep, cancellationToken);

    internal static Task<IResult> EraseAsync(AuditScope audit, RetentionSweep sweep, CancellationToken cancellationToken) =>
        RunAsync(dryRun: false, audit, sweep, cancellationToken);

    private static async Task<IResult> RunAsync(bool dryRun, AuditScope audit, RetentionSweep sweep, CancellationToken cancellationToken)
    {
        var report = await sweep.RunAsync(dryRun, actor: null, cancellationToken);
        audit.Touch(report.Expired.SelectMany(p => p.Keys));
        audit.RecordCount = report.Expired.Count;
        return TypedResults.Ok(RetentionReportView.Of(report));
    }
}
