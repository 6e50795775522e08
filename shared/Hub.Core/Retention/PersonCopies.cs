using Hub.Core.Access;
using Hub.Core.Checks;
using Hub.Core.Exchange;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Subjects;

namespace Hub.Core.Retention;

/// <summary>
/// What the Hub holds of a person outside the facts table and the resident indexes: worklist items, break-glass
/// grants, residents' correction requests, the steward's queue and the change events still retained. An erasure takes
/// them all, so that nothing of the person is left but the audit trail's events with their keys.
/// </summary>
internal sealed class PersonCopies(Worklist worklist, BreakGlassGrants grants, CorrectionRequests corrections, PossibleMatches reviews, ChangeEventLog events)
{
    /// <summary>Erases every copy held under <paramref name="keys"/>; returns how many rows went or were emptied.</summary>
    public async Task<int> EraseAsync(IReadOnlyCollection<PersonKey> keys, CancellationToken cancellationToken = default)
    {
        var erased = await worklist.EraseAsync(keys, cancellationToken).ConfigureAwait(false);
        erased += await grants.EraseAsync(keys, cancellationToken).ConfigureAwait(false);
        erased += await corrections.EraseAsync(keys, cancellationToken).ConfigureAwait(false);
        erased += await reviews.EraseAsync(keys, cancellationToken).ConfigureAwait(false);
        erased += await events.EraseAsync(keys, cancellationToken).ConfigureAwait(false);
        return erased;
    }
}
