using Hub.Core.Audit;
using Hub.Core.Identity.Rotation;
using Hub.Functions.Access;
using Hub.Functions.ApiDescription;
using Hub.Functions.Audit;
using Hub.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.PersonKeys;

/// <summary>
/// Pepper rotation for an administrator: with <c>Hub:PersonKey:Pepper</c> set to the new pepper and
/// <c>RetiredPepper</c> to the old one, start the rotation (or continue one that stopped) and read how far it has come.
/// The request runs the rotation; one cut short (a timeout, a restart) is continued by the next request or by the
/// timer that continues a started rotation. Each request is one audit event.
/// </summary>
internal static class PersonKeysApi
{
    public static IEndpointRouteBuilder MapPersonKeysApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/person-keys")
            .WithTags("Person keys")
            .RequireAuthorization(AuthenticationExtensions.AdministratorPolicy)
            .RequireRateLimiting(RateLimitExtensions.PerUserPolicy);

        group.MapPost("/rotation", RotateAsync)
            .WithName("RotatePersonKeys")
            .WithSummary("Start or continue the pepper rotation and run it to the end")
            .WithDescription("Moves every person key made with Hub:PersonKey:RetiredPepper to the key Hub:PersonKey:Pepper makes. Feeds wait while it runs. 409 when no retired pepper is configured.")
            .Produces<RotationView>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status409Conflict)
            .Audited(AuditAction.PersonKeyRotation);

        group.MapGet("/rotation", ReadAsync)
            .WithName("GetPersonKeyRotation")
            .WithSummary("How far the pepper rotation has come: its stage and counts")
            .Produces<RotationView>(StatusCodes.Status200OK)
            .Audited(AuditAction.PersonKeyRotation);

        return routes;
    }

    internal static async Task<Results<Ok<RotationView>, ProblemHttpResult>> RotateAsync(AuditScope audit, PersonKeyRotation rotation, CancellationToken cancellationToken)
    {
        if (!rotation.CanRotate)
        {
            return HubProblems.Conflict("Nothing to rotate", "Hub:PersonKey:RetiredPepper is not configured. To rotate, set it to the current pepper, set Hub:PersonKey:Pepper to the new one, restart the Hub and ask again.");
        }

        var progress = await rotation.RunAsync(cancellationToken);
        audit.RecordCount = (int)Math.Min(int.MaxValue, progress.KeysMapped);
        return TypedResults.Ok(RotationView.Of(progress));
    }

    internal static async Task<Ok<RotationView>> ReadAsync(PersonKeyRotation rotation, CancellationToken cancellationToken) =>
        TypedResults.Ok(RotationView.Of(await rotation.ReadAsync(cancellationToken)));
}
