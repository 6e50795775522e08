using Hub.Core.Audit;
using Hub.Core.Exchange;
using Hub.Functions.Access;
using Hub.Functions.ApiDescription;
using Hub.Functions.Audit;
using Hub.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.Subscriptions;

/// <summary>
/// Push delivery as its holder and the operator see it: where a subscription's delivery stands, the deliveries parked
/// after every attempt (by feed position, never their content), and re-driving one. The holder sees their own; an
/// administrator, who is given no person data, sees every subscription's letters and can re-drive them.
/// </summary>
internal static class PushDeliveriesApi
{
    public static IEndpointRouteBuilder MapPushDeliveriesApi(this IEndpointRouteBuilder routes)
    {
        var holder = routes.MapGroup("/api/subscriptions/{id}")
            .WithTags("Subscriptions")
            .RequireAuthorization(SubscriptionsApi.SubscriberPolicy)
            .RequireRateLimiting(RateLimitExtensions.PerUserPolicy);

        holder.MapGet("/delivery", GetDeliveryAsync)
            .WithName("GetPushDelivery")
            .WithSummary("Where a push subscription's delivery stands, and its dead letters")
            .Produces<PushDeliveryView>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .Audited(AuditAction.SubscriptionRead);

        holder.MapPost("/dead-letters/{letter}/redrive", RedriveOwnAsync)
            .WithName("RedriveDeadLetter")
            .WithSummary("Send a parked delivery again, once; it leaves the list when the endpoint takes it")
            .Produces<DeadLetterView>(StatusCodes.Status202Accepted)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .Audited(AuditAction.SubscriptionChange);

        var operators = routes.MapGroup("/api/push/dead-letters")
            .WithTags("Subscriptions")
            .RequireAuthorization(AuthenticationExtensions.AdministratorPolicy)
            .RequireRateLimiting(RateLimitExtensions.PerUserPolicy);

        operators.MapGet("/", ListAllAsync)
            .WithName("ListDeadLetters")
            .WithSummary("Every subscription's parked deliveries, oldest first (administrators)")
            .Produces<DeadLetterList>(StatusCodes.Status200OK)
            .Audited(AuditAction.SubscriptionRead);

        operators.MapPost("/{subscription}/{letter}/redrive", RedriveAnyAsync)
            .WithName("RedriveAnyDeadLetter")
            .WithSummary("Send any subscription's parked delivery again, once (administrators)")
            .Produces<DeadLetterView>(StatusCodes.Status202Accepted)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .Audited(AuditAction.SubscriptionChange);

        return routes;
    }

    internal static async Task<Results<Ok<PushDeliveryView>, ProblemHttpResult>> GetDeliveryAsync(
        string id, HttpContext context, AuditScope audit, SubscriptionStore subscriptions, PushDeliveryStore deliveries, CancellationToken cancellationToken)
    {
        var (subscription, problem) = await SubscriptionsApi.FindAsync(id, context, audit, subscriptions, cancellationToken);
        if (subscription is null)
        {
            return problem!;
        }

        if (subscription.Endpoint is null)
        {
            return NotPushed();
        }

        var state = await deliveries.GetStateAsync(subscription.Id, subscription.Start, cancellationToken);
        var letters = await deliveries.ListDeadLettersAsync(subscription.Id, cancellationToken);
        audit.RecordCount = letters.Count;
        return TypedResults.Ok(new PushDeliveryView(
            subscription.Endpoint.AbsoluteUri, new ChangeCursor(state.Cursor).ToString(), state.Attempts, state.RetryAt, state.LastFailure, state.LastDeliveredAt, [.. letters.Select(DeadLetterView.Of)]));
    }

    internal static async Task<Results<Accepted<DeadLetterView>, ProblemHttpResult>> RedriveOwnAsync(
        string id, string letter, HttpContext context, AuditScope audit, SubscriptionStore subscriptions, PushDelivery push, CancellationToken cancellationToken)
    {
        var (subscription, problem) = await SubscriptionsApi.FindAsync(id, context, audit, subscriptions, cancellationToken);
        if (subscription is null)
        {
            return problem!;
        }

        if (subscription.Endpoint is null || subscription.IsEnded)
        {
            return NotPushed();
        }

        return await RedriveAsync(subscription.Holder.Subject, subscription.Id, letter, audit, push, cancellationToken);
    }

    internal static async Task<Ok<DeadLetterList>> ListAllAsync(AuditScope audit, PushDeliveryStore deliveries, CancellationToken cancellationToken)
    {
        var letters = await deliveries.ListAllDeadLettersAsync(cancellationToken);
        audit.RecordCount = letters.Count;
        return TypedResults.Ok(new DeadLetterList([.. letters.Select(DeadLetterView.Of)]));
    }

    internal static async Task<Results<Accepted<DeadLetterView>, ProblemHttpResult>> RedriveAnyAsync(
        string subscription, string letter, AuditScope audit, PushDeliveryStore deliveries, PushDelivery push, CancellationToken cancellationToken)
    {
        if (!SubscriptionStore.IsId(subscription))
        {
            return HubProblems.BadRequest("Invalid subscription id", "A subscription id is 26 lower-case hex digits.");
        }

        if (!PushDeliveryStore.IsLetterId(letter))
        {
            return InvalidLetter();
        }

        var parked = await deliveries.GetDeadLetterAsync(subscription, letter, cancellationToken);
        return parked is null
            ? NoSuchLetter()
            : await RedriveAsync(parked.Holder, subscription, letter, audit, push, cancellationToken);
    }

    private static async Task<Results<Accepted<DeadLetterView>, ProblemHttpResult>> RedriveAsync(
        string holder, string subscription, string letter, AuditScope audit, PushDelivery push, CancellationToken cancellationToken)
    {
        if (!PushDeliveryStore.IsLetterId(letter))
        {
            return InvalidLetter();
        }

        audit.Resource = $"subscription={subscription} letter={letter}";
        var requested = await push.RedriveAsync(holder, subscription, letter, cancellationToken);
        if (requested is null)
        {
            return NoSuchLetter();
        }

        audit.RecordCount = 1;
        return TypedResults.Accepted($"/api/subscriptions/{subscription}/delivery", DeadLetterView.Of(requested));
    }

    private static ProblemHttpResult NotPushed() =>
        HubProblems.Conflict("Not a push subscription", "This subscription has no endpoint (or has ended): its events are read by pull, and nothing is parked.");

    private static ProblemHttpResult InvalidLetter() =>
        HubProblems.BadRequest("Invalid dead letter id", "A dead letter id is 15 digits, as the delivery status lists it.");

    private static ProblemHttpResult NoSuchLetter() =>
        HubProblems.NotFound("No such dead letter", "The subscription has no parked delivery of this id; it may have been delivered by a re-drive.");
}
