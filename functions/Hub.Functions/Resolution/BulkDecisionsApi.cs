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
/// <c>POST /api/resolution/decisions</c>: a steward's decisions about a reviewed page of the queue, sent at once. Each
/// is checked and applied as its single route would (the same reach check, the same <see cref="StewardDecisions"/>
/// call, so the same history rows and manual flags) and answered on its own: one that cannot be applied never stops the
/// others. The request leaves one audit event naming every person touched; it is a denial when any decision named a
/// person outside the steward's reach.
/// </summary>
internal static class BulkDecisionsApi
{
    /// <summary>The most decisions one request carries: a page of the queue.</summary>
    public const int MaxDecisions = MatchQueueRequest.MaxPageSize;

    public static RouteGroupBuilder MapBulkDecisions(this RouteGroupBuilder group)
    {
        group.MapPost("/decisions", DecideAsync)
            .WithName("DecideRecords")
            .WithSummary("Decide a reviewed page of the queue at once: links and rejections, each answered on its own")
            .WithDescription($"Body: {{\"decisions\": [{{\"recordKey\": \"…\", \"action\": \"link\", \"personKey\": \"…\", \"reason\": \"…\"}}, {{\"recordKey\": \"…\", \"action\": \"reject\", \"reason\": \"…\"}}]}}, 1 to {MaxDecisions} decisions, applied in order. " +
                "Each result says applied, notFound (unknown key, or outside your reach), conflict (the decision does not apply) or invalid (not readable; nothing touched), with the reason. " +
                "A body that is not this JSON, or holds no decision or too many, is a 400 problem and nothing is applied.")
            .Produces<BulkDecisionAnswer>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .Audited(AuditAction.StewardDecision);
        return group;
    }

    internal static async Task<Results<Ok<BulkDecisionAnswer>, ProblemHttpResult>> DecideAsync(
        BulkDecisionRequest body, HttpContext context, StewardDecisions decisions, ProfileReader profiles, AuditScope audit, CancellationToken cancellationToken)
    {
        if (body.Decisions is not { Count: > 0 and <= MaxDecisions } list)
        {
            return HubProblems.BadRequest("Invalid decisions", $"'decisions' holds 1 to {MaxDecisions} decisions.");
        }

        audit.Resource = $"decisions={list.Count}";
        var look = StewardLook.Of(context, profiles);
        var steward = ResolutionApi.Steward(context);
        var decided = new HashSet<PersonKey>();
        var results = new List<BulkDecisionOutcome>(list.Count);
        foreach (var (index, decision) in list.Index())
        {
            // One after another: two decisions of a page may name the same person, and each sees the one before.
            results.Add(Read(index, decision, decided, out var record, out var person) is { } refused
                ? refused
                : await ApplyAsync(index, record, person, decision!.Reason, look, steward, decisions, audit, cancellationToken));
        }

        var applied = results.Count(r => r.Status == BulkDecisionStatus.Applied);
        audit.RecordCount = applied;
        return TypedResults.Ok(new BulkDecisionAnswer(applied, results));
    }

    // The decision's keys, or why it cannot be read. A key not of its form is never echoed.
    private static BulkDecisionOutcome? Read(int index, BulkDecision? decision, HashSet<PersonKey> decided, out PersonKey record, out PersonKey? person)
    {
        person = null;
        if (!PersonKey.TryParse(decision?.RecordKey, out record))
        {
            return Invalid(index, null, "'recordKey' is 32 lower-case hex characters.");
        }

        switch (decision!.Action)
        {
            case "link" when PersonKey.TryParse(decision.PersonKey, out var key):
                person = key;
                break;
            case "link":
                return Invalid(index, record, "A link needs 'personKey', 32 lower-case hex characters.");
            case "reject" when decision.PersonKey is null:
                break;
            case "reject":
                return Invalid(index, record, "A rejection names no 'personKey'; to link the record to a person, the action is link.");
            default:
                return Invalid(index, record, "'action' is link or reject.");
        }

        return decided.Add(record) ? null : Invalid(index, record, "The record is decided earlier in this request.");
    }

    private static async Task<BulkDecisionOutcome> ApplyAsync(
        int index, PersonKey record, PersonKey? person, string? reason, StewardLook look, string steward, StewardDecisions decisions, AuditScope audit, CancellationToken cancellationToken)
    {
        if (!await look.MayDecideAsync(person is { } named ? [record, named] : [record], audit, cancellationToken))
        {
            return new BulkDecisionOutcome(index, record.Value, BulkDecisionStatus.NotFound, "No such person in your jurisdiction.", null);
        }

        var result = person is { } into
            ? await decisions.LinkAsync(record, into, steward, reason, cancellationToken)
            : await decisions.RejectAsync(record, steward, reason, cancellationToken);
        var status = result.Status switch
        {
            DecisionStatus.Done => BulkDecisionStatus.Applied,
            DecisionStatus.NotFound => BulkDecisionStatus.NotFound,
            _ => BulkDecisionStatus.Conflict,
        };
        return new BulkDecisionOutcome(index, record.Value, status, result.Detail, status == BulkDecisionStatus.Applied ? result.Golden : null);
    }

    private static BulkDecisionOutcome Invalid(int index, PersonKey? record, string detail) =>
        new(index, record?.Value, BulkDecisionStatus.Invalid, detail, null);
}
