using Hub.Core.Access;
using Microsoft.AspNetCore.Authorization;

namespace Hub.Functions.Access;

/// <summary>
/// On routes open to any authenticated caller: a machine identity (a feed client) passes, but a token that holds a
/// personal role must describe a personal identity the Hub can place, as on the person routes. So no route serves a
/// person's token that lacks the claims its role needs.
/// </summary>
internal sealed class PlaceableIdentityRequirement : AuthorizationHandler<PlaceableIdentityRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PlaceableIdentityRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        var personal = context.User.FindAll(HubClaims.Roles).Any(c => HubRoles.PersonalRoles.Contains(c.Value));
        if (!personal)
        {
            context.Succeed(requirement);
        }
        else if (HubUser.TryRead(context.User, out _, out var reason))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, $"The token does not describe a personal identity the Hub can place: {reason}."));
        }

        return Task.CompletedTask;
    }
}
