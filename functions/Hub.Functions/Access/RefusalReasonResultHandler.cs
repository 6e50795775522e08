using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Hub.Functions.Access;

/// <summary>
/// Keeps the reason a requirement gave for refusing (<see cref="RefusalReason"/>), so the 403 problem can tell the
/// caller which claim or role is missing; the refusal itself is the default handler's, and the audit middleware
/// records it.
/// </summary>
internal sealed class RefusalReasonResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault() is { } failure)
        {
            context.Features.Set(new RefusalReason(failure.Message));
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
