using Hub.Core.Audit;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Functions.ApiDescription;
using Hub.Functions.Audit;
using Hub.Functions.Persons;
using Hub.Functions.Profiles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.Resolution;

/// <summary>
/// <c>GET /api/resolution/queue</c>: the possible matches a steward may decide about, filtered, sorted and paged with the
/// Hub's signed continuation tokens, with the total, each record beside its candidates' golden profiles.
/// </summary>
internal static class MatchQueueApi
{
    public static RouteGroupBuilder MapMatchQueue(this RouteGroupBuilder group)
    {
        group.MapGet("/queue", GetQueueAsync)
            .WithName("GetMatchQueue")
            .WithSummary("Possible matches waiting for a steward, a page at a time, each record beside its candidates, with the total")
            .WithDescription("Filters: source (a source id), minScore and maxScore (the score when queued, inclusive), queuedAfter (inclusive) and queuedBefore (exclusive), ISO 8601 times. " +
                $"sort=age (oldest first, the default) or sort=score (highest first); ties in record-key order. pageSize 1-{MatchQueueRequest.MaxPageSize} (default {MatchQueueRequest.DefaultPageSize}); " +
                "continuation from the previous page (null on the last). total counts the items within the steward's reach that match the filters. " +
                "Each candidate comes with its golden profile and the field-by-field comparison with the record (level and weight), scored now.")
            .Produces<MatchQueuePage>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .Audited(AuditedActions.StewardQueue);
        return group;
    }

    // Served like GET /api/profiles: each candidate's profile reads the same here. A page names at most the persons one
    // audit event holds; a page that would name more ends early, and its continuation goes on from there.
    internal static async Task<Results<Ok<MatchQueuePage>, ProblemHttpResult>> GetQueueAsync(
        [AsParameters] MatchQueueRequest request,
        PossibleMatches queue,
        ProfileReader profiles,
        ContinuationTokens tokens,
        AuditScope audit,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        if (request.TryBuild(out var query) is { } problem)
        {
            return problem;
        }

        var steward = ResolutionApi.Steward(context);
        var binding = MatchQueueRequest.Binding(query);
        QueuePosition? after = null;
        if (request.Continuation is not null && !tokens.TryReadQueue(request.Continuation, steward, binding, out after))
        {
            return MatchQueueRequest.Bad("The continuation token is not one the Hub issued for this user and these filters, or it is more than an hour old; start again from the first page.");
        }

        var look = StewardLook.Of(context, profiles);
        var page = await queue.ReadAsync(query with { After = after, MaxPersons = AuditEvent.MaxPersonKeys }, look.Covers, cancellationToken);
        foreach (var item in page.Items)
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

        audit.RecordCount = page.Items.Count;
        var next = page.Next is { } position ? tokens.Issue(position, steward, binding) : null;
        return TypedResults.Ok(new MatchQueuePage(page.Items, page.Total, next));
    }
}
