using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Hub.Core.Protection;
using Hub.Core.Storage;

namespace Hub.Core.Exchange;

/// <summary>
/// The <c>subscriptions</c> table. A holder's subscriptions are one partition (keyed by a hash of their subject), so
/// listing them is one query and reading one is a point read; nobody else's can be named.
/// </summary>
public sealed class SubscriptionStore
{
    private readonly HubStorage _storage;
    private readonly ChangeEventLog _log;
    private readonly TimeProvider _time;

    // A push subscription's signing secret is a credential: sealed in its row, bound to the subscription.
    private readonly DerivedSeal _secrets;

    internal SubscriptionStore(HubStorage storage, ChangeEventLog log, KeyRing keys, TimeProvider time) =>
        (_storage, _log, _secrets, _time) = (storage, log, new DerivedSeal(keys, "webhook-secret"), time);

    /// <summary>
    /// Makes a subscription from <paramref name="draft"/> (its id, start and times are set here): it starts at the
    /// feed's tail, so its first read gives the changes published from now on.
    /// </summary>
    public async Task<Subscription> CreateAsync(Subscription draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = _time.GetUtcNow();
        var subscription = draft with
        {
            Id = NewId(),
            Start = await _log.TailAsync(cancellationToken).ConfigureAwait(false),
            CreatedAt = now,
            UpdatedAt = now,
            EndedAt = null,
        };
        var result = await _storage.SubscriptionsTable.AddAsync(SubscriptionEntity.Of(subscription, PartitionOf(subscription.Holder.Subject), _secrets), cancellationToken).ConfigureAwait(false);
        return result.Outcome == WriteOutcome.Written ? subscription : throw new InvalidOperationException("A new subscription id was taken.");
    }

    /// <summary>The holder's subscription <paramref name="id"/>; null when they hold none of that id.</summary>
    public async Task<Subscription?> GetAsync(string subject, string id, CancellationToken cancellationToken = default)
    {
        var row = await _storage.SubscriptionsTable.GetAsync<SubscriptionEntity>(PartitionOf(subject), id, cancellationToken).ConfigureAwait(false);
        return row?.ToSubscription(_secrets);
    }

    /// <summary>Every subscription the holder made, ended ones included, newest first.</summary>
    public async Task<IReadOnlyList<Subscription>> ListAsync(string subject, CancellationToken cancellationToken = default)
    {
        var list = new List<Subscription>();
        await foreach (var row in _storage.SubscriptionsTable.QueryAsync<SubscriptionEntity>(TableFilter.Of($"PartitionKey eq {PartitionOf(subject)}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(row.ToSubscription(_secrets));
        }

        return [.. list.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }

    /// <summary>Every active subscription with a push endpoint, whoever holds it: what the push sweep asks to deliver.</summary>
    public async IAsyncEnumerable<Subscription> ListPushAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The subscriptions table is small (one row per subscription), so a filtered read of all of it stays cheap.
        // Table storage cannot ask for a missing column, so ended ones are left out here rather than in the filter.
        await foreach (var row in _storage.SubscriptionsTable.QueryAsync<SubscriptionEntity>(TableFilter.Of($"Endpoint ge {"http"}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.EndedAt is null)
            {
                yield return row.ToSubscription(_secrets);
            }
        }
    }

    /// <summary>Writes a changed subscription (its filters, purpose or holder); an ended one stays ended.</summary>
    public async Task<Subscription> SaveAsync(Subscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var saved = subscription with { UpdatedAt = _time.GetUtcNow() };
        await _storage.SubscriptionsTable.UpsertAsync(SubscriptionEntity.Of(saved, PartitionOf(saved.Holder.Subject), _secrets), EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return saved;
    }

    /// <summary>Ends a subscription: it delivers nothing more, and stays listed as ended.</summary>
    public Task<Subscription> EndAsync(Subscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return SaveAsync(subscription with { EndedAt = subscription.EndedAt ?? _time.GetUtcNow() }, cancellationToken);
    }

    /// <summary>Whether <paramref name="text"/> has the form of a subscription id (so a malformed one is a 400, not a lookup).</summary>
    public static bool IsId(string? text) => text is { Length: 26 } && text.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c));

    private static string PartitionOf(string subject) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject)).AsSpan(0, 16));

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(13));
}
