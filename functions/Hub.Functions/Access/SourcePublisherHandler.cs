using Hub.Core.Access;
using Hub.Core.Feeds.Sources;
using Microsoft.AspNetCore.Authorization;

namespace Hub.Functions.Access;

/// <summary>
/// Lets a machine identity act only on the source its role names: a civil-affairs client cannot push or read a
/// police feed. Where the requirement allows, a department officer reads their own department's source and an
/// administrator any. An unknown source is left to the endpoint, which answers 404.
/// </summary>
internal sealed class SourcePublisherHandler(SourceCatalog sources) : AuthorizationHandler<SourcePublisherRequirement, HttpContext>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SourcePublisherRequirement requirement, HttpContext resource)
    {
        if (resource.GetRouteValue("source") is string source
            && (!sources.TryGet(source, out _) || context.User.IsInRole(HubRoles.FeedPublisher(source)) || (requirement.DepartmentReads && IsOfDepartment(context, source))))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private static bool IsOfDepartment(AuthorizationHandlerContext context, string source) =>
        HubUser.TryRead(context.User, out var user, out _)
        && (user.IsInRole(HubRoles.Administrator) || (user.IsInRole(HubRoles.DepartmentOfficer) && user.Department?.Value == source));
}
