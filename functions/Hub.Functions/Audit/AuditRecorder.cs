using System.Diagnostics;
using System.Security.Claims;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Core.Kernel;
using Hub.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.Audit;

/// <summary>
/// Turns a request and its <see cref="AuditScope"/> into one audit event and writes it durably. The one place that
/// says what an event holds: who from the token's claims (subject, roles, division, client), what from the route and
/// the scope, and the outcome from the scope and the status the answer carries.
/// </summary>
internal sealed partial class AuditRecorder(AuditLog log, ILogger<AuditRecorder> logger)
{
    /// <summary>The user id recorded for a request without a valid token: nothing in an unvalidated token is believed.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>
    /// Writes the event of a request answered with <paramref name="status"/>, unless the request's event was written
    /// (or tried) already; false when it could not be written.
    /// </summary>
    public async Task<bool> TryRecordAsync(HttpContext context, AuditAction action, AuditScope scope, int status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.TryClaimRecording())
        {
            return true;
        }

        try
        {
            await log.AppendAsync(EventOf(context, action, scope, status), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotRecorded(logger, ex, action.Value, status);
            return false;
        }
    }

    /// <summary>The outcome of a request answered with <paramref name="status"/>.</summary>
    public static AuditOutcome OutcomeOf(AuditScope scope, int status) => scope.IsDenied || status is 401 or 403 or 429
        ? AuditOutcome.Denied
        : status is >= 400 and not 404 ? AuditOutcome.Failed : AuditOutcome.Allowed;

    /// <summary>The 503 answer given instead of data when the audit trail cannot record the access.</summary>
    public static ProblemHttpResult Unavailable(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = "30";
        return HubProblems.Of(StatusCodes.Status503ServiceUnavailable, "Audit trail unavailable", "The Hub could not record this request in the audit trail, so it does not answer it. Try again shortly.");
    }

    private static AuditEvent EventOf(HttpContext context, AuditAction action, AuditScope scope, int status)
    {
        var user = context.User;
        var authenticated = user.Identity?.IsAuthenticated == true;
        var roles = authenticated
            ? user.FindAll(HubClaims.Roles).Select(c => c.Value).Where(r => HubRoles.PersonalRoles.Contains(r) || r.StartsWith(HubRoles.FeedPublisherPrefix, StringComparison.Ordinal)).ToList()
            : [];
        var division = authenticated && DivisionCode.TryParse(user.FindFirstValue(HubClaims.Division), out var code, out _) ? code.Value.Value : null;
        var route = context.GetEndpoint() is RouteEndpoint endpoint ? endpoint.RoutePattern.RawText : context.Request.Path.Value;
        var resource = $"{context.Request.Method} {route}{(scope.Resource is { } detail ? " " + detail : string.Empty)}";
        var outcome = OutcomeOf(scope, status);
        return new AuditEvent
        {
            Actor = new AuditActor(
                authenticated ? HubClaims.UserId(user) ?? Anonymous : Anonymous,
                roles.Count == 0 ? null : Truncate(string.Join(',', roles)),
                division,
                authenticated ? HubClaims.ClientApplication(user) : null,
                context.Connection.RemoteIpAddress?.ToString()),
            Action = action,
            Resource = Truncate(resource),
            PersonKeys = scope.PersonKeys,
            Fields = scope.Fields,
            Purpose = scope.Purpose,
            BreakGlassReason = scope.BreakGlassReason,
            Outcome = outcome,
            RecordCount = scope.RecordCount ?? (outcome == AuditOutcome.Allowed && status is >= 200 and < 300 ? scope.PersonKeys.Count : 0),
            CorrelationId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier,
        };
    }

    private static string Truncate(string text) => text.Length <= AuditEvent.MaxTextLength ? text : text[..AuditEvent.MaxTextLength];

    [LoggerMessage(EventId = 6101, Level = LogLevel.Error, Message = "The audit event of a {Action} request answered {Status} could not be written; the answer is withheld")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string action, int status);
}
