using Hub.Core.Kernel;

namespace Hub.Core.Identity.Keys;

/// <summary>
/// The keys a person has been stored under across pepper rotations. History (the audit trail, change events) keeps the
/// keys it was written with, so what reads a person's history asks here for every key of theirs.
/// </summary>
public interface IPersonKeyHistory
{
    /// <summary>
    /// Every key the person <paramref name="key"/> names has been stored under, oldest first; an old key given stands
    /// for its person too, so it yields the same list. A key no rotation moved is its own list.
    /// </summary>
    Task<IReadOnlyList<PersonKey>> KeysOfPersonAsync(PersonKey key, CancellationToken cancellationToken = default);
}
