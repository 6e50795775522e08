using Hub.Core.Kernel;
using Hub.Core.Storage;

namespace Hub.Core.Access;

/// <summary>
/// Break-glass grants in table <c>grants</c>: granted for the policy's duration, read on every person look. A new
/// grant replaces the user's earlier one for the same person; an expired grant is simply no longer held, and stays
/// in the table as a record beside the audit events.
/// </summary>
public sealed class BreakGlassGrants(HubStorage storage, AccessPolicy policy, TimeProvider time)
{
    /// <summary>The longest reason accepted.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Grants <paramref name="subject"/> elevated access to <paramref name="person"/> from now for the policy's duration.</summary>
    public async Task<BreakGlassGrant> GrantAsync(PersonKey person, string subject, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var now = time.GetUtcNow();
        var grant = new BreakGlassGrant(person, subject, reason.Trim(), now, now + policy.BreakGlass.Duration);
        await storage.GrantsTable.UpsertAsync(
            new BreakGlassGrantEntity
            {
                PartitionKey = person.PartitionKey,
                RowKey = RowKey(person, subject),
                PersonKey = person.Value,
                Subject = subject,
                Reason = grant.Reason,
                GrantedAt = grant.GrantedAt,
                ExpiresAt = grant.ExpiresAt,
            },
            EntityUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
        return grant;
    }

    /// <summary>The grant <paramref name="subject"/> holds now for <paramref name="person"/>; null when none holds.</summary>
    public async Task<BreakGlassGrant?> CurrentAsync(PersonKey person, string subject, CancellationToken cancellationToken = default)
    {
        var entity = await storage.GrantsTable.GetAsync<BreakGlassGrantEntity>(person.PartitionKey, RowKey(person, subject), cancellationToken).ConfigureAwait(false);
        if (entity is null || !policy.BreakGlass.Holds(entity.GrantedAt, time.GetUtcNow()) || time.GetUtcNow() >= entity.ExpiresAt)
        {
            return null;
        }

        return new BreakGlassGrant(person, entity.Subject, entity.Reason, entity.GrantedAt, entity.ExpiresAt);
    }

    /// <summary>Deletes every grant held on <paramref name="persons"/>, expired or not (an erased person leaves none); returns how many.</summary>
    public async Task<int> EraseAsync(IReadOnlyCollection<PersonKey> persons, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persons);
        var erased = 0;
        foreach (var person in persons)
        {
            var filter = TableFilter.Of($"PartitionKey eq {person.PartitionKey} and RowKey ge {person.Value + "|"} and RowKey lt {person.Value + "}"}");
            var rows = await storage.GrantsTable.QueryAsync<BareRow>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
            erased += await storage.GrantsTable.DeleteRowsAsync(rows, cancellationToken).ConfigureAwait(false);
        }

        return erased;
    }

    // A subject is an object id (a GUID in Entra ID); characters a row key forbids are replaced, never dropped silently.
    private static string RowKey(PersonKey person, string subject) =>
        $"{person.Value}|{string.Concat(subject.Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c))}";
}
