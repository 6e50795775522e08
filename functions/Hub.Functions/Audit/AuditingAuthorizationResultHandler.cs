using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Hub.Functions.Audit;

/// <summary>
/// Records the refusals authorization makes on audited endpoints (401 without a valid token, 403 without the role)
/// before they are answered; the endpoint filter never sees them. Everything else is the default handler's.
/// </summary>
internal sealed class AuditingAuthorizationResultHandler(AuditRecorder recorder) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!authorizeResult.Succeeded)
        {
            var status = authorizeResult.Challenged ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
            if (!await recorder.TryRecordRefusalAsync(context, status))
            {
                await AuditRecorder.WriteUnavailableAsync(context);
                return;
            }
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
