using Hub.Core.Audit;
using Hub.Core.Feeds.Sources;
using Hub.Core.Identity.Keys;
using Hub.Core.Kernel;
using Hub.Core.Retention;
using Hub.Functions.Access;
using Hub.Functions.ApiDescription;
using Hub.Functions.Audit;
using Hub.Functions.Feeds;
using Hub.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.Retention;

/// <summary>
/// A department asks the Hub to erase what it holds of one person (PIPL Art. 47: the purpose achieved, consent
/// withdrawn, a resident's request, or processing that was not lawful). Only that department's records go; the person's
/// profile is rebuilt from what other departments hold, and when nothing is left the person is erased whole. One audit
/// event per request, naming the person's keys and the reason.
/// </summary>
internal static class ErasureRequestsApi
{
    /// <summary>Why a department asks: the grounds of PIPL Art. 47.</summary>
    public static readonly IReadOnlyList<string> Reasons = ["purpose-achieved", "retention-ended", "consent-withdrawn", "subject-request", "unlawful"];

    public static IEndpointRouteBuilder MapErasureRequestsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/feeds/{source}/erasures", RequestAsync)
            .WithTags("Feeds")
            .WithName("RequestErasure")
            .WithSummary("Erase what this department holds of one person (the ID number in the body)")
            .Produces<ErasureView>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .RequireAuthorization(AuthenticationExtensions.FeedPublisherPolicy)
            .Audited(AuditAction.PersonErase);
        return routes;
    }

    internal static async Task<Results<Ok<ErasureView>, ProblemHttpResult>> RequestAsync(
        SourceId source, ErasureRequest request, SourceCatalog sources, PersonKeyHasher hasher, RetentionSweep sweep, AuditScope audit, CancellationToken cancellationToken)
    {
        audit.Resource = FeedsApi.AuditResource(source) + "/erasures";
        if (!sources.TryGet(source.Value, out _))
        {
            return FeedsApi.UnknownSource();
        }

        if (request.Reason is not { } reason || !Reasons.Contains(reason, StringComparer.Ordinal))
        {
            return HubProblems.BadRequest("Invalid reason", $"reason must be one of: {string.Join(", ", Reasons)}.");
        }

        if (!ResidentId.TryParse(request.ResidentId, out var id, out var invalid))
        {
            return HubProblems.BadRequest("Invalid ID number", invalid);
        }

        audit.Resource += " reason=" + reason;
        var erased = await sweep.EraseSourceAsync(hasher.Hash(id.Value), source.Value, cancellationToken);
        audit.Touch(erased.Keys);
        audit.RecordCount = erased.Records;
        return erased.Records == 0
            ? HubProblems.NotFound("No records", "This department holds no records of the person in the Hub.")
            : TypedResults.Ok(new ErasureView(erased.PersonKey.Value, erased.Records, erased.PersonErased));
    }
}

/// <summary>What an erasure request removed: the person's key, how many of the department's records, and whether the person went altogether.</summary>
internal sealed record ErasureView(string PersonKey, int Records, bool PersonErased);
