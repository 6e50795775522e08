using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Core.Exchange;
using Hub.Core.Kernel;
using Hub.Functions.Access;
using Hub.Functions.ApiDescription;
using Hub.Functions.Audit;
using Hub.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hub.Functions.Subscriptions;

/// <summary>
/// Subscriptions to the change feed and its pull delivery. A department officer subscribes their department, a street
/// or district officer their area, to event types, groups and divisions; the events are rendered by the access policy
/// as a read by the subscriber would be, inside their jurisdiction. A subscription is its holder's alone: anyone
/// else's id is 404. Making, changing and ending one is audited; every page delivered is audited as a disclosure of
/// the persons it names.
/// </summary>
internal static class SubscriptionsApi
{
    public const string SubscriberPolicy = "Subscriber";

    private const int DefaultLimit = 100;

    public static IEndpointRouteBuilder MapSubscriptionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/subscriptions")
            .WithTags("Subscriptions")
            .RequireAuthorization(SubscriberPolicy)
            .RequireRateLimiting(RateLimitExtensions.PerUserPolicy);

        group.MapPost(string.Empty, CreateAsync)
            .WithName("CreateSubscription")
            .WithSummary("Subscribe to change events of the caller's area or department")
            .WithDescription("Body: {\"types\": [\"hub.person.deceased\", \"hub.membership.ended\"], \"groups\": [\"dibao\"], \"divisions\": [\"110105001\"], \"purpose\": \"benefit-review\", \"endpoint\": \"https://…\"}; every member optional. " +
                "With an endpoint, events are also pushed there as they are published, signed (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature); the answer gives the signing secret, once. " +
                "Types: " + string.Join(", ", ChangeEventType.All.Select(t => t.Value)) + ". Divisions must lie inside the caller's area. The feed starts from now.")
            .Produces<SubscriptionView>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .Audited(AuditAction.SubscriptionChange);

        group.MapGet(string.Empty, ListAsync)
            .WithName("ListSubscriptions")
            .WithSummary("The caller's subscriptions, newest first, ended ones included")
            .Produces<SubscriptionList>(StatusCodes.Status200OK)
            .Audited(AuditAction.SubscriptionRead);

        group.MapGet("/{id}", GetAsync)
            .WithName("GetSubscription")
            .WithSummary("One of the caller's subscriptions")
            .Produces<SubscriptionView>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .Audited(AuditAction.SubscriptionRead);

        group.MapPut("/{id}", UpdateAsync)
            .WithName("UpdateSubscription")
            .WithSummary("Change what a subscription asks for; its cursor positions stay valid")
            .WithDescription("The same body as creating one. An ended subscription cannot be changed (409).")
            .Produces<SubscriptionView>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .Audited(AuditAction.SubscriptionChange);

        group.MapDelete("/{id}", EndAsync)
            .WithName("EndSubscription")
            .WithSummary("End a subscription: it delivers nothing more and stays listed as ended")
            .Produces<SubscriptionView>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .Audited(AuditAction.SubscriptionChange);

        group.MapGet("/{id}/events", ReadEventsAsync)
            .WithName("ReadSubscriptionEvents")
            .WithSummary("A page of the subscription's change feed as CloudEvents 1.0, and the cursor to read from next")
            .WithDescription("?cursor= the next of an earlier page (absent: where the subscription started; 0: the oldest event retained), ?limit= 1 to the Hub's maximum (default 100). " +
                "The cursor moves past every event read, delivered or not, so a page may be empty before caughtUp is true. A cursor older than the retention is 410; an ended subscription 409.")
            .Produces<ChangeEventsPage>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status410Gone)
            .Audited(AuditAction.EventsDeliver);

        return routes;
    }

    public static IServiceCollection AddSubscriptionsApi(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(SubscriberPolicy, policy => policy
            .RequirePersonalIdentity([HubRoles.DepartmentOfficer, HubRoles.StreetOfficer, HubRoles.DistrictOfficer]));
        return services;
    }

    internal static async Task<Results<Created<SubscriptionView>, ProblemHttpResult>> CreateAsync(
        SubscriptionRequest request, HttpContext context, AuditScope audit, SubscriptionStore subscriptions, AccessPolicy policy, IOptions<PushDeliveryOptions> push, CancellationToken cancellationToken)
    {
        if (!TryHolder(context, audit, out var holder, out var problem) || !TryDraft(request, holder, policy, push.Value, out var draft, out problem))
        {
            return problem;
        }

        var created = await subscriptions.CreateAsync(draft with { Secret = draft.Endpoint is null ? null : WebhookSecret.Create() }, cancellationToken);
        audit.Resource = $"subscription={created.Id}";
        audit.RecordCount = 1;
        return TypedResults.Created($"/api/subscriptions/{created.Id}", SubscriptionView.Of(created, revealSecret: true));
    }

    internal static async Task<Results<Ok<SubscriptionList>, ProblemHttpResult>> ListAsync(
        HttpContext context, AuditScope audit, SubscriptionStore subscriptions, CancellationToken cancellationToken)
    {
        if (!TryHolder(context, audit, out var holder, out var problem))
        {
            return problem;
        }

        var list = await subscriptions.ListAsync(holder.Subject, cancellationToken);
        audit.RecordCount = list.Count;
        return TypedResults.Ok(new SubscriptionList([.. list.Select(s => SubscriptionView.Of(s))]));
    }

    internal static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> GetAsync(
        string id, HttpContext context, AuditScope audit, SubscriptionStore subscriptions, CancellationToken cancellationToken)
    {
        var (subscription, problem) = await FindAsync(id, context, audit, subscriptions, cancellationToken);
        return subscription is null ? problem! : TypedResults.Ok(SubscriptionView.Of(subscription));
    }

    internal static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> UpdateAsync(
        string id, SubscriptionRequest request, HttpContext context, AuditScope audit, SubscriptionStore subscriptions, AccessPolicy policy, IOptions<PushDeliveryOptions> push, CancellationToken cancellationToken)
    {
        var (subscription, problem) = await FindAsync(id, context, audit, subscriptions, cancellationToken);
        if (subscription is null)
        {
            return problem!;
        }

        if (subscription.IsEnded)
        {
            return Ended();
        }

        if (!TryHolder(context, audit, out var holder, out problem) || !TryDraft(request, holder, policy, push.Value, out var draft, out problem))
        {
            return problem;
        }

        // A subscription that starts pushing gets a secret, shown in this answer; one that keeps pushing keeps its own.
        WebhookSecret? secret = draft.Endpoint is null ? null : subscription.Secret ?? WebhookSecret.Create();
        var saved = await subscriptions.SaveAsync(
            subscription with { Holder = holder, Purpose = draft.Purpose, Types = draft.Types, Groups = draft.Groups, Divisions = draft.Divisions, Endpoint = draft.Endpoint, Secret = secret },
            cancellationToken);
        return TypedResults.Ok(SubscriptionView.Of(saved, revealSecret: subscription.Secret is null));
    }

    internal static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> EndAsync(
        string id, HttpContext context, AuditScope audit, SubscriptionStore subscriptions, CancellationToken cancellationToken)
    {
        var (subscription, problem) = await FindAsync(id, context, audit, subscriptions, cancellationToken);
        return subscription is null ? problem! : TypedResults.Ok(SubscriptionView.Of(await subscriptions.EndAsync(subscription, cancellationToken)));
    }

    internal static async Task<Results<Ok<ChangeEventsPage>, ProblemHttpResult>> ReadEventsAsync(
        string id, [AsParameters] ChangeEventsQuery query, HttpContext context, AuditScope audit, SubscriptionStore subscriptions, ChangeFeed feed, CancellationToken cancellationToken)
    {
        var (subscription, problem) = await FindAsync(id, context, audit, subscriptions, cancellationToken);
        if (subscription is null)
        {
            return problem!;
        }

        ChangeCursor? cursor = null;
        if (query.Cursor is not null && !ChangeCursor.TryParse(query.Cursor, out cursor))
        {
            return HubProblems.BadRequest("Invalid cursor", "A cursor is the 'next' of an earlier page: 1 to 15 digits.");
        }

        var limit = DefaultLimit;
        if (query.Limit is not null && (!int.TryParse(query.Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > feed.MaxPageSize))
        {
            return HubProblems.BadRequest("Invalid limit", $"limit is a whole number from 1 to {feed.MaxPageSize}.");
        }

        // Rendered for the holder as their token describes them now: a right they lost since subscribing is not used.
        if (!TryHolder(context, audit, out var holder, out problem))
        {
            return problem;
        }

        audit.Purpose = subscription.Purpose?.Value;
        var page = await feed.ReadAsync(subscription with { Holder = holder }, cursor, limit, cancellationToken);
        switch (page.Outcome)
        {
            case ChangeFeedOutcome.Ended:
                return Ended();
            case ChangeFeedOutcome.Expired:
                return HubProblems.Of(StatusCodes.Status410Gone, "Cursor expired", $"Events are kept {feed.Retention.TotalDays:0} days; this cursor points before the oldest kept. Read from cursor 0 for the oldest retained event.");
            default:
                break;
        }

        audit.Touch(page.Persons);
        audit.Disclose(page.Fields);
        audit.RecordCount = page.Events.Count;
        return TypedResults.Ok(new ChangeEventsPage(page.Events, page.Next.ToString(), page.CaughtUp));
    }

    internal static async Task<(Subscription? Subscription, ProblemHttpResult? Problem)> FindAsync(
        string id, HttpContext context, AuditScope audit, SubscriptionStore subscriptions, CancellationToken cancellationToken)
    {
        if (!TryHolder(context, audit, out var holder, out var problem))
        {
            return (null, problem);
        }

        if (!SubscriptionStore.IsId(id))
        {
            return (null, HubProblems.BadRequest("Invalid subscription id", "A subscription id is 26 lower-case hex digits, as its creation answered."));
        }

        audit.Resource = $"subscription={id}";
        var subscription = await subscriptions.GetAsync(holder.Subject, id, cancellationToken);
        return subscription is null
            ? (null, HubProblems.NotFound("No such subscription", "You hold no subscription of this id."))
            : (subscription, null);
    }

    private static bool TryHolder(HttpContext context, AuditScope audit, [NotNullWhen(true)] out HubUser? holder, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        if (HubUser.TryRead(context.User, out holder, out _))
        {
            problem = null;
            return true;
        }

        audit.Deny();
        problem = HubProblems.Forbidden("Not a personal identity", "Subscriptions are held by a personal identity: a role, a division and, for department officers, a department.");
        return false;
    }

    private static bool TryDraft(
        SubscriptionRequest? request, HubUser holder, AccessPolicy policy, PushDeliveryOptions push, [NotNullWhen(true)] out Subscription? draft, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        draft = null;
        problem = null;
        if (request is null)
        {
            problem = HubProblems.BadRequest("Missing body", "Send {\"types\": […], \"groups\": […], \"divisions\": […], \"purpose\": \"…\"}; every member is optional.");
            return false;
        }

        var types = new List<ChangeEventType>();
        foreach (var text in request.Types ?? [])
        {
            if (!ChangeEventType.TryParse(text, out var type))
            {
                problem = HubProblems.BadRequest("Unknown event type", $"types are among {string.Join(", ", ChangeEventType.All.Select(t => t.Value))}.");
                return false;
            }

            types.Add(type);
        }

        var groups = new List<GroupId>();
        foreach (var text in request.Groups ?? [])
        {
            if (!GroupId.TryParse(text, out var group))
            {
                problem = HubProblems.BadRequest("Invalid group", "A group id is 2 to 40 lower-case letters, digits or hyphens, e.g. dibao.");
                return false;
            }

            groups.Add(group.Value);
        }

        var divisions = new List<DivisionCode>();
        foreach (var text in request.Divisions ?? [])
        {
            if (!DivisionCode.TryParse(text, out var division, out var reason))
            {
                problem = HubProblems.BadRequest("Invalid division", reason);
                return false;
            }

            if (!holder.Division.Contains(division.Value))
            {
                problem = HubProblems.BadRequest("Division outside your area", "A subscription may narrow the caller's area, never widen it.");
                return false;
            }

            divisions.Add(division.Value);
        }

        Purpose? purpose = null;
        if (request.Purpose is not null && !policy.TryGetPurpose(request.Purpose, out purpose))
        {
            problem = HubProblems.BadRequest("Unknown purpose", $"Declare one of the listed purposes: {string.Join(", ", policy.Purposes.Select(p => p.Id))}.");
            return false;
        }

        Uri? endpoint = null;
        if (request.Endpoint is not null && !PushEndpoint.TryParse(request.Endpoint, push.AllowLoopbackHttp, out endpoint, out var endpointError))
        {
            problem = HubProblems.BadRequest("Invalid endpoint", endpointError);
            return false;
        }

        draft = new Subscription
        {
            Endpoint = endpoint,
            Id = string.Empty,
            Holder = holder,
            Purpose = purpose,
            Types = [.. types.Distinct()],
            Groups = [.. groups.Distinct()],
            Divisions = [.. divisions.Distinct()],
            Start = 0,
            CreatedAt = default,
        };
        return true;
    }

    private static ProblemHttpResult Ended() =>
        HubProblems.Conflict("Subscription ended", "An ended subscription delivers nothing and cannot be changed; make a new one.");
}
