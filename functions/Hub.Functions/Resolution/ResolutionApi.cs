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
/// the decisions link, reject (no match), merge and split, each with its history. Decisions are manual: automatic
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

        group.MapGet("/queue", GetQueueAsync)
            .WithName("GetMatchQueue")
            .WithSummary("Possible matches waiting for a steward, oldest first, each record beside its candidates")
            .WithDescription("Each candidate comes with its golden profile and the field-by-field comparison with the record (level and weight), scored now.")
            .Produces<IReadOnlyList<ReviewItem>>(StatusCodes.Status200OK)
            .Audited(AuditedActions.StewardQueue);

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

    // Served like GET /api/profiles: each candidate's profile reads the same here.
    // At most 100 items, so that the records and their candidates fit the keys one audit event holds. A steward sees
    // the items whose record and candidates all lie within their reach: a decision is about all of them.
    internal static async Task<Ok<IReadOnlyList<ReviewItem>>> GetQueueAsync(
        StewardDecisions decisions, ProfileReader profiles, AuditScope audit, HttpContext context, CancellationToken cancellationToken, int limit = 50)
    {
        var look = StewardLook.Of(context, profiles);
        var queue = await decisions.QueueAsync(Math.Clamp(limit, 1, 100), look.Covers, cancellationToken);
        foreach (var item in queue)
        {
            if (PersonKey.TryParse(item.RecordKey, out var record))
            {
                audit.Touch(record);
            }

            foreach (var field in item.Record.Keys)
            {
                audit.Disclose(field, masked: false);
            }

            foreach (var candidate in item.Candidates)
            {
                audit.Disclose(candidate.Profile);
            }
        }

        audit.RecordCount = queue.Count;
        return TypedResults.Ok(queue);
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

    private static string Steward(HttpContext context) => context.User.FindFirstValue(HubClaims.Subject) ?? "unknown";
}
