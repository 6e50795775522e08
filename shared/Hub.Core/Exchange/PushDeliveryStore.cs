using Hub.Core.Storage;

namespace Hub.Core.Exchange;

/// <summary>
/// The <c>deliveries</c> table: per push subscription (its partition) the delivery state and the dead letters, so a
/// letter is parked and the cursor moved past it in one transaction.
/// </summary>
public sealed class PushDeliveryStore
{
    private readonly HubStorage _storage;

    internal PushDeliveryStore(HubStorage storage) => _storage = storage;

    private EntityTable Table => _storage.DeliveriesTable;

    /// <summary>The subscription's delivery state; at <paramref name="start"/> with no attempt when it has none yet.</summary>
    public async Task<PushState> GetStateAsync(string subscription, long start, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetAsync<PushStateEntity>(subscription, PushStateEntity.Row, cancellationToken).ConfigureAwait(false);
        return row is null
            ? new PushState(start, 0, null, null, null, null, null)
            : new PushState(row.Cursor, row.Attempts, row.RetryAt, row.LastFailure, row.LastDeliveredAt, row.SendingUntil, row.Version);
    }

    /// <summary>Writes <paramref name="state"/> only while the stored one is the version it was read at; false when another worker moved it first.</summary>
    public async Task<bool> TrySaveStateAsync(string subscription, PushState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var entity = Entity(subscription, state);
        var result = state.Version is { } version
            ? await Table.UpdateAsync(entity, version, EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
            : await Table.AddAsync(entity, cancellationToken).ConfigureAwait(false);
        return result.IsWritten;
    }

    /// <summary>
    /// Claims the next send until <paramref name="until"/>, while the stored state is the version it was read at; the
    /// state as claimed (with its new version), or null when another worker moved it first.
    /// </summary>
    public async Task<PushState?> TryClaimAsync(string subscription, PushState state, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var claimed = state with { SendingUntil = until };
        var entity = Entity(subscription, claimed);
        var result = state.Version is { } version
            ? await Table.UpdateAsync(entity, version, EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
            : await Table.AddAsync(entity, cancellationToken).ConfigureAwait(false);
        return result.IsWritten ? claimed with { Version = result.Version } : null;
    }

    /// <summary>Parks <paramref name="letter"/> and moves the state past it, together; false when another worker moved the state first.</summary>
    public async Task<bool> TryParkAsync(string subscription, DeadLetter letter, PushState next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(next);
        var state = Entity(subscription, next);
        var changes = new[]
        {
            EntityChange.Upsert(LetterEntity(subscription, letter)),
            next.Version is { } version ? EntityChange.Update(state, version) : EntityChange.Add(state),
        };
        var result = await Table.SubmitAsync(changes, cancellationToken).ConfigureAwait(false);
        return result.IsWritten;
    }

    /// <summary>The subscription's dead letters, oldest first.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(string subscription, CancellationToken cancellationToken = default)
    {
        var filter = TableFilter.Of($"PartitionKey eq {subscription} and RowKey ge {DeadLetterEntity.RowPrefix} and RowKey lt {DeadLetterEntity.RowPrefix[..^1] + "}"}");
        var letters = new List<DeadLetter>();
        await foreach (var row in Table.QueryAsync<DeadLetterEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            letters.Add(Letter(row));
        }

        return letters;
    }

    /// <summary>
    /// Every subscription's dead letters, for the operator: a read of the whole table, which holds two rows per push
    /// subscription and its letters, never person data.
    /// </summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAllDeadLettersAsync(CancellationToken cancellationToken = default)
    {
        var filter = TableFilter.Of($"RowKey ge {DeadLetterEntity.RowPrefix} and RowKey lt {DeadLetterEntity.RowPrefix[..^1] + "}"}");
        var letters = new List<DeadLetter>();
        await foreach (var row in Table.QueryAsync<DeadLetterEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            letters.Add(Letter(row));
        }

        return [.. letters.OrderBy(l => l.ParkedAt)];
    }

    /// <summary>Whether <paramref name="text"/> has the form of a letter id (so a malformed one is a 400, not a lookup).</summary>
    public static bool IsLetterId(string? text) => text is { Length: 15 } && text.All(char.IsAsciiDigit);

    /// <summary>One dead letter; null when there is none of that id.</summary>
    public async Task<DeadLetter?> GetDeadLetterAsync(string subscription, string id, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetAsync<DeadLetterEntity>(subscription, DeadLetterEntity.RowPrefix + id, cancellationToken).ConfigureAwait(false);
        return row is null ? null : Letter(row);
    }

    /// <summary>Writes a dead letter as it now stands (a re-drive asked for, or failed again).</summary>
    public Task SaveDeadLetterAsync(string subscription, DeadLetter letter, CancellationToken cancellationToken = default) =>
        Table.UpsertAsync(LetterEntity(subscription, letter), EntityUpdateMode.Replace, cancellationToken);

    /// <summary>Removes a dead letter whose events were delivered after all.</summary>
    public Task RemoveDeadLetterAsync(string subscription, string id, CancellationToken cancellationToken = default) =>
        Table.DeleteAsync(subscription, DeadLetterEntity.RowPrefix + id, cancellationToken: cancellationToken);

    /// <summary>The id of the letter whose first event is at <paramref name="first"/>: fixed-width digits, so ids sort as the feed does.</summary>
    public static string LetterId(long first) => first.ToString("D15", System.Globalization.CultureInfo.InvariantCulture);

    private static PushStateEntity Entity(string subscription, PushState state) => new()
    {
        PartitionKey = subscription,
        RowKey = PushStateEntity.Row,
        Cursor = state.Cursor,
        Attempts = state.Attempts,
        RetryAt = state.RetryAt,
        LastFailure = state.LastFailure,
        LastDeliveredAt = state.LastDeliveredAt,
        SendingUntil = state.SendingUntil,
    };

    private static DeadLetterEntity LetterEntity(string subscription, DeadLetter letter) => new()
    {
        PartitionKey = subscription,
        RowKey = DeadLetterEntity.RowPrefix + letter.Id,
        Holder = letter.Holder,
        First = letter.First,
        Last = letter.Last,
        Events = letter.Events,
        Attempts = letter.Attempts,
        Reason = letter.Reason,
        ParkedAt = letter.ParkedAt,
        RedriveRequestedAt = letter.RedriveRequestedAt,
    };

    private static DeadLetter Letter(DeadLetterEntity row) =>
        new(row.PartitionKey, row.Holder, row.RowKey[DeadLetterEntity.RowPrefix.Length..], row.First, row.Last, row.Events, row.Attempts, row.Reason, row.ParkedAt, row.RedriveRequestedAt);
}
