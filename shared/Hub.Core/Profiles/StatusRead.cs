namespace Hub.Core.Profiles;

/// <summary>A person's status as read from their attributes.</summary>
/// <param name="Status">The register's status; null when no source states a known one.</param>
/// <param name="Date">The date the register gives for a death or a move out; null when it gives none.</param>
/// <param name="Since">The first day a death or move out holds; null for an active or unknown status.</param>
/// <param name="Provenance">Where the status comes from; null when unknown.</param>
internal sealed record StatusRead(PersonStatus? Status, DateOnly? Date, DateOnly? Since, Provenance? Provenance)
{
    public static StatusRead Unknown { get; } = new(null, null, null, null);
}
