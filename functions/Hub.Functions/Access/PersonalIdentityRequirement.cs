using Hub.Core.Access;
using Microsoft.AspNetCore.Authorization;

namespace Hub.Functions.Access;

/// <summary>
/// The caller is a usable personal identity (<see cref="HubUser.TryRead"/>: a subject, a division at the right level
/// for each role, a grid for a grid worker, a department for a department officer) holding one of the route's roles.
/// A token short of the claims its role needs is refused on the route, before any handler runs, with a reason that
/// names the claim or role at fault.
/// </summary>
/// <param name="roles">The roles the route is for.</param>
internal sealed class PersonalIdentityRequirement(IReadOnlyList<string> roles) : AuthorizationHandler<PersonalIdentityRequirement>, IAuthorizationRequirement
{
    /// <summary>The roles the route is for.</summary>
    public IReadOnlyList<string> Roles { get; } = roles;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PersonalIdentityRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        if (!HubUser.TryRead(context.User, out var user, out var reason))
        {
            context.Fail(new AuthorizationFailureReason(this, $"The token does not describe a personal identity the Hub can place: {reason}."));
        }
        else if (!user.Roles.Any(requirement.Roles.Contains))
        {
            context.Fail(new AuthorizationFailureReason(this, $"This route is for {string.Join(", ", requirement.Roles)}."));
        }
        else
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
