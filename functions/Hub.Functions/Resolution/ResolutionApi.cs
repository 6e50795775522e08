using System.Security.Claims;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Functions.ApiDescription;
using Hub.Functions.Audit;
using Hub.Functions.Hosting;
using Hub.Functions.Profiles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.Resolution;

/// <summary>
/// Identity resolution for data stewards, as HAPI FHIR MDM offers it: the possible-match queue with both sides, and
/// the decisions link, reject (no match), merge and split, each with its history, and a reviewed page decided at once. Decisions are manual: automatic
/// matching never changes them. Facts are never moved or deleted; profiles are built from them on every read.
/// </summary>
internal static class ResolutionApi
{
    public static IEndpointRouteBuilder MapResolutionApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/resolution")
            .WithTags("Resolution")
            .RequireAuthorization(ProfilesApi.StewardPolicy)
            .AnswerMalformedRouteValues((_, _) => BadKey());

        group.MapMatchQueue();
        group.MapBulkDecisions();

        group.MapPost("/records/{recordKey}/link", LinkAsync)
            .WithName("LinkRecord")
            .WithSummary("Link a record to a person (a possible match is the same person)")
            .WithDescription("Body: {\"personKey\": \"…\", \"reason\": \"…\"}. The decision is manual: automatic matching never undoes it.")
            .Produces<DecisionResult>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .Audited(AuditAction.StewardDecision);

        group.MapPost("/records/{recordKey}/reject", RejectAsync)
            .WithName("RejectMatch")
            .WithSummary("Reject a possible or automatic match: the record is a person of its own (no match), for good")
            .Produces<DecisionResult>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .Audited(AuditAction.StewardDecision);

        group.MapPost("/persons/merge", MergeAsync)
            .WithName("MergePersons")
            .WithSummary("Merge two persons: the first's records (and whatever was linked to it) join the second's profile")
            .WithDescription("Body: {\"from\": \"…\", \"into\": \"…\", \"reason\": \"…\"}. Two persons with valid ID numbers are never merged automatically; merging them by hand needs a reason.")
            .Produces<DecisionResult>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .Audited(AuditAction.StewardDecision);

        group.MapPost("/persons/{personKey}/split", SplitAsync)
            .WithName("SplitPerson")
            .WithSummary("Undo a merge or a link: the key becomes a person of its own again, for good")
            .Produces<DecisionResult>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .Audited(AuditAction.StewardDecision);

        group.MapGet("/persons/{personKey}/history", GetHistoryAsync)
            .WithName("GetResolutionHistory")
            .WithSummary("Every decision about a key and the keys linked to it: what, who, when, why")
            .Produces<IReadOnlyList<HistoryItem>>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .Audited(AuditedActions.StewardHistory);

        return routes;
    }

    internal static async Task<Results<Ok<DecisionResult>, ProblemHttpResult>> LinkAsync(
        StewardDecision decision, PersonKey recordKey, HttpContext context, StewardDecisions decisions, ProfileReader profiles, AuditScope audit, CancellationToken cancellationToken)
    {
        if (!PersonKey.TryParse(decision.PersonKey, out var person))
        {
            return BadKey();
        }

        return await StewardLook.Of(context, profiles).MayDecideAsync([recordKey, person], audit, cancellationToken)
            ? Answer(await decisions.LinkAsync(recordKey, person, Steward(context), decision.Reason, cancellationToken))
            : OutOfReach();
    }

    internal static async Task<Results<Ok<DecisionResult>, ProblemHttpResult>> RejectAsync(
        StewardDecision? decision, PersonKey recordKey, HttpContext context, StewardDecisions decisions, ProfileReader profiles, AuditScope audit, CancellationToken cancellationToken) =>
        await StewardLook.Of(context, profiles).MayDecideAsync([recordKey], audit, cancellationToken)
            ? Answer(await decisions.RejectAsync(recordKey, Steward(context), decision?.Reason, cancellationToken))
            : OutOfReach();

    internal static async Task<Results<Ok<DecisionResult>, ProblemHttpResult>> MergeAsync(
        MergeRequest merge, HttpContext context, StewardDecisions decisions, ProfileReader profiles, AuditScope audit, CancellationToken cancellationToken)
    {
        if (!PersonKey.TryParse(merge.From, out var from) || !PersonKey.TryParse(merge.Into, out var into))
        {
            return BadKey();
        }

        return await StewardLook.Of(context, profiles).MayDecideAsync([from, into], audit, cancellationToken)
            ? Answer(await decisions.LinkAsync(from, into, Steward(context), merge.Reason, cancellationToken))
            : OutOfReach();
    }

    internal static async Task<Results<Ok<DecisionResult>, ProblemHttpResult>> SplitAsync(
        StewardDecision? decision, PersonKey personKey, HttpContext context, StewardDecisions decisions, ProfileReader profiles, AuditScope audit, CancellationToken cancellationToken) =>
        await StewardLook.Of(context, profiles).MayDecideAsync([personKey], audit, cancellationToken)
            ? Answer(await decisions.SplitAsync(personKey, Steward(context), decision?.Reason, cancellationToken))
            : OutOfReach();

    internal static async Task<Results<Ok<IReadOnlyList<HistoryItem>>, ProblemHttpResult>> GetHistoryAsync(
        PersonKey personKey, StewardDecisions decisions, ProfileReader profiles, AuditScope audit, HttpContext context, CancellationToken cancellationToken)
    {
        if (!await StewardLook.Of(context, profiles).MayDecideAsync([personKey], audit, cancellationToken))
        {
            return OutOfReach();
        }

        var history = await decisions.HistoryAsync(personKey, cancellationToken);
        audit.RecordCount = history.Count;
        return TypedResults.Ok(history);
    }

    private static Results<Ok<DecisionResult>, ProblemHttpResult> Answer(DecisionResult result) => result.Status switch
    {
        DecisionStatus.Done => TypedResults.Ok(result),
        DecisionStatus.NotFound => HubProblems.NotFound("Unknown key", result.Detail),
        _ => HubProblems.Conflict("Decision does not apply", result.Detail),
    };

    private static ProblemHttpResult BadKey() =>
        HubProblems.BadRequest("Invalid key", "A person or record key is 32 lower-case hex characters.");

    private static ProblemHttpResult OutOfReach() =>
        HubProblems.NotFound("Unknown key", "No such person in your jurisdiction.");

    /// <summary>The user id of the steward deciding or reading.</summary>
    internal static string Steward(HttpContext context) => context.User.FindFirstValue(HubClaims.Subject) ?? "unknown";
}
