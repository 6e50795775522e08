using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hub.Core.Audit;
using Hub.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Core.Exchange;

/// <summary>
/// Pushes a subscription's change events to its endpoint, at least once and in feed order: read a page from the
/// delivery cursor, audit it as a disclosure, send it signed, and move the cursor only when the endpoint took it. A
/// delivery keeps its id (<c>{subscription}-{first sequence}</c>) through retries, restarts and re-drives, and its
/// events keep theirs, so a receiver drops what it already has. A failed delivery waits longer each time (the state
/// says until when, and a delayed message comes back then); after the last attempt its range is parked as a dead
/// letter for an operator, and delivery goes on after it.
/// </summary>
public sealed partial class PushDelivery
{
    private const int PagesPerMessage = 50;

    private readonly SubscriptionStore _subscriptions;
    private readonly ChangeFeed _feed;
    private readonly PushDeliveryStore _deliveries;
    private readonly WebhookSender _sender;
    private readonly AuditLog _audit;
    private readonly HubStorage _storage;
    private readonly PushDeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PushDelivery> _logger;

    internal PushDelivery(
        SubscriptionStore subscriptions, ChangeFeed feed, PushDeliveryStore deliveries, WebhookSender sender, AuditLog audit, HubStorage storage,
        IOptions<PushDeliveryOptions> options, TimeProvider time, ILogger<PushDelivery> logger)
    {
        (_subscriptions, _feed, _deliveries, _sender, _audit, _storage) = (subscriptions, feed, deliveries, sender, audit, storage);
        (_options, _time, _logger) = (options.Value, time, logger);
    }

    /// <summary>Queues <paramref name="message"/>, to be handled after <paramref name="delay"/>.</summary>
    public Task RequestAsync(PushDeliveryMessage message, TimeSpan delay = default, CancellationToken cancellationToken = default) =>
        _storage.PushDeliveries.SendAsync(message.ToJson(), delay, cancellationToken);

    /// <summary>Asks for every active push subscription's pending events to be delivered: after a batch publishes, and on the sweep timer.</summary>
    public async Task RequestAllAsync(CancellationToken cancellationToken = default)
    {
        await foreach (var subscription in _subscriptions.ListPushAsync(cancellationToken).ConfigureAwait(false))
        {
            await RequestAsync(new PushDeliveryMessage(subscription.Holder.Subject, subscription.Id), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Asks for a dead letter to be sent again (once; if it fails it stays parked with the new reason) and returns it as
    /// it now stands; null when the subscription has no such letter.
    /// </summary>
    public async Task<DeadLetter?> RedriveAsync(string holder, string subscription, string letterId, CancellationToken cancellationToken = default)
    {
        var letter = await _deliveries.GetDeadLetterAsync(subscription, letterId, cancellationToken).ConfigureAwait(false);
        if (letter is null)
        {
            return null;
        }

        var requested = letter with { RedriveRequestedAt = _time.GetUtcNow() };
        await _deliveries.SaveDeadLetterAsync(subscription, requested, cancellationToken).ConfigureAwait(false);
        await RequestAsync(new PushDeliveryMessage(holder, subscription, letterId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return requested;
    }

    /// <summary>Handles one queue message: delivers what is pending, or sends one dead letter again.</summary>
    public async Task HandleAsync(PushDeliveryMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.IsForEveryone)
        {
            await RequestAllAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var subscription = await _subscriptions.GetAsync(message.Holder, message.Subscription, cancellationToken).ConfigureAwait(false);
        if (subscription is not { IsEnded: false, Endpoint: { } endpoint, Secret: { } secret })
        {
            return;
        }

        if (message.DeadLetter is { } letter)
        {
            await SendAgainAsync(subscription, endpoint, secret, letter, cancellationToken).ConfigureAwait(false);
            return;
        }

        for (var page = 0; page < PagesPerMessage; page++)
        {
            if (!await DeliverNextAsync(subscription, endpoint, secret, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        // More is waiting than one message should take on: hand the rest to a fresh message, so no invocation runs long.
        await RequestAsync(message, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    // Delivers one page; true when there may be more to deliver now.
    private async Task<bool> DeliverNextAsync(Subscription subscription, Uri endpoint, WebhookSecret secret, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var state = await _deliveries.GetStateAsync(subscription.Id, subscription.Start, cancellationToken).ConfigureAwait(false);
        if (state.RetryAt is { } retryAt && retryAt - now > ClockTolerance)
        {
            // A retry is scheduled (its message comes back then); an earlier nudge must not shorten the wait.
            return false;
        }

        if (state.SendingUntil is { } sending && sending > now)
        {
            // Another worker is sending the next page. Look again once its claim lapses: it may have stopped, or
            // events may have been published after it read its page.
            await RequestAsync(new PushDeliveryMessage(subscription.Holder.Subject, subscription.Id), sending - now + ClockTolerance, cancellationToken).ConfigureAwait(false);
            return false;
        }

        var page = await _feed.ReadAsync(subscription, new ChangeCursor(state.Cursor), _options.EventsPerDelivery, cancellationToken).ConfigureAwait(false);
        switch (page.Outcome)
        {
            case ChangeFeedOutcome.Ended:
                return false;
            case ChangeFeedOutcome.Expired:
                var first = await _feed.FirstRetainedAsync(cancellationToken).ConfigureAwait(false);
                LogExpired(_logger, subscription.Id, state.Cursor, first);
                return await _deliveries.TrySaveStateAsync(subscription.Id, state with { Cursor = first, Attempts = 0, RetryAt = null, LastFailure = "events older than the retention were never delivered" }, cancellationToken).ConfigureAwait(false);
        }

        if (page.Events.Count == 0)
        {
            // Nothing the holder is given in this range: move past it without sending anything.
            return page.Next.Position > state.Cursor
                && await _deliveries.TrySaveStateAsync(subscription.Id, state with { Cursor = page.Next.Position }, cancellationToken).ConfigureAwait(false)
                && !page.CaughtUp;
        }

        // One worker sends a page at a time, so the endpoint sees each attempt once and the attempts are counted right.
        if (await _deliveries.TryClaimAsync(subscription.Id, state, now + _options.Timeout + ClaimMargin, cancellationToken).ConfigureAwait(false) is not { } claimed)
        {
            return true;
        }

        state = claimed with { SendingUntil = null };
        var outcome = await SendAsync(subscription, endpoint, secret, state.Cursor, page, state.Attempts + 1, cancellationToken).ConfigureAwait(false);
        if (outcome.Delivered)
        {
            var delivered = state with { Cursor = page.Next.Position, Attempts = 0, RetryAt = null, LastFailure = null, LastDeliveredAt = _time.GetUtcNow() };
            return await _deliveries.TrySaveStateAsync(subscription.Id, delivered, cancellationToken).ConfigureAwait(false) && !page.CaughtUp;
        }

        var attempts = state.Attempts + 1;
        LogFailed(_logger, subscription.Id, state.Cursor, attempts, outcome.Reason);
        if (attempts >= _options.Attempts)
        {
            var letter = new DeadLetter(subscription.Id, subscription.Holder.Subject, PushDeliveryStore.LetterId(state.Cursor), state.Cursor, page.Next.Position - 1, page.Events.Count, attempts, outcome.Reason ?? "failed", _time.GetUtcNow(), null);
            var next = state with { Cursor = page.Next.Position, Attempts = 0, RetryAt = null, LastFailure = outcome.Reason };
            return await _deliveries.TryParkAsync(subscription.Id, letter, next, cancellationToken).ConfigureAwait(false);
        }

        var delay = _options.RetryDelay(attempts + 1, Spread(subscription.Id, state.Cursor, attempts));
        var waiting = state with { Attempts = attempts, RetryAt = _time.GetUtcNow() + delay, LastFailure = outcome.Reason };
        if (await _deliveries.TrySaveStateAsync(subscription.Id, waiting, cancellationToken).ConfigureAwait(false))
        {
            await RequestAsync(new PushDeliveryMessage(subscription.Holder.Subject, subscription.Id), delay, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private async Task SendAgainAsync(Subscription subscription, Uri endpoint, WebhookSecret secret, string letterId, CancellationToken cancellationToken)
    {
        var letter = await _deliveries.GetDeadLetterAsync(subscription.Id, letterId, cancellationToken).ConfigureAwait(false);
        if (letter is null)
        {
            return;
        }

        var page = await _feed.ReadAsync(subscription, new ChangeCursor(letter.First), (int)(letter.Last - letter.First + 1), cancellationToken).ConfigureAwait(false);
        if (page.Outcome != ChangeFeedOutcome.Read)
        {
            var reason = page.Outcome == ChangeFeedOutcome.Expired ? "its events are older than the retention" : "the subscription has ended";
            await _deliveries.SaveDeadLetterAsync(subscription.Id, letter with { Reason = reason }, cancellationToken).ConfigureAwait(false);
            return;
        }

        var outcome = page.Events.Count == 0
            ? WebhookOutcome.Accepted(204)
            : await SendAsync(subscription, endpoint, secret, letter.First, page, letter.Attempts + 1, cancellationToken).ConfigureAwait(false);
        if (outcome.Delivered)
        {
            await NoteDeliveredAsync(subscription, cancellationToken).ConfigureAwait(false);
            await _deliveries.RemoveDeadLetterAsync(subscription.Id, letter.Id, cancellationToken).ConfigureAwait(false);
            return;
        }

        await _deliveries.SaveDeadLetterAsync(subscription.Id, letter with { Attempts = letter.Attempts + 1, Reason = outcome.Reason ?? "failed" }, cancellationToken).ConfigureAwait(false);
    }

    // A re-driven page the endpoint took is a delivery, so the state says when, wherever its cursor is by now. Not while
    // a worker holds a send: writing the state under it would refuse that worker's save and send its page twice.
    private async Task NoteDeliveredAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var state = await _deliveries.GetStateAsync(subscription.Id, subscription.Start, cancellationToken).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            if (state.SendingUntil > now || state.LastDeliveredAt >= now
                || await _deliveries.TrySaveStateAsync(subscription.Id, state with { LastDeliveredAt = now }, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    // Audits the page as a disclosure first (if that fails nothing is sent), then sends it.
    private async Task<WebhookOutcome> SendAsync(Subscription subscription, Uri endpoint, WebhookSecret secret, long first, ChangeFeedPage page, int attempt, CancellationToken cancellationToken)
    {
        var deliveryId = DeliveryId(subscription.Id, first);
        await _audit.AppendAsync(
            new AuditEvent
            {
                Actor = new AuditActor(subscription.Holder.Subject, string.Join(',', subscription.Holder.Roles.Order(StringComparer.Ordinal)), subscription.Holder.Division.Value, PushClient),
                Action = AuditAction.EventsDeliver,
                Resource = string.Create(CultureInfo.InvariantCulture, $"push {subscription.Id} delivery {deliveryId} attempt {attempt}"),
                PersonKeys = page.Persons,
                Fields = [.. page.Fields.GroupBy(f => f.Attribute, StringComparer.Ordinal).Select(g => new DisclosedField(g.Key, g.All(f => f.Masked)))],
                Purpose = subscription.Purpose?.Value,
                Outcome = AuditOutcome.Allowed,
                RecordCount = page.Events.Count,
                CorrelationId = deliveryId,
            },
            cancellationToken).ConfigureAwait(false);
        var body = JsonSerializer.SerializeToUtf8Bytes(page.Events, JsonSerializerOptions.Web);
        return await _sender.SendAsync(endpoint, secret, deliveryId, body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The id of the delivery whose first event is at <paramref name="first"/>: the same for every attempt of it.</summary>
    public static string DeliveryId(string subscription, long first) => string.Create(CultureInfo.InvariantCulture, $"{subscription}-{first}");

    /// <summary>The client recorded in the audit trail for push deliveries.</summary>
    public const string PushClient = "hub-push";

    // The delayed message may come back a little before the state's time by the storage service's clock.
    private static readonly TimeSpan ClockTolerance = TimeSpan.FromSeconds(2);

    // How much longer than the sender's timeout a claim to send lasts: time to audit the page and save the outcome.
    private static readonly TimeSpan ClaimMargin = TimeSpan.FromSeconds(20);

    // A spread from 0 to 1 that differs between subscriptions and attempts but is the same whenever it is computed again.
    private static double Spread(string subscription, long cursor, int attempt) =>
        BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{subscription}|{cursor}|{attempt}")))) / (double)uint.MaxValue;

    [LoggerMessage(EventId = 7301, Level = LogLevel.Warning, Message = "Push delivery of subscription {Subscription} from {Cursor} failed (attempt {Attempt}): {Reason}")]
    private static partial void LogFailed(ILogger logger, string subscription, long cursor, int attempt, string? reason);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Warning, Message = "Push delivery of subscription {Subscription} was at {Cursor}, before the first retained event {First}; it goes on from there")]
    private static partial void LogExpired(ILogger logger, string subscription, long cursor, long first);
}
