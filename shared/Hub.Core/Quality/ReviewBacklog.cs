namespace Hub.Core.Quality;

/// <summary>A department's records waiting in the data stewards' possible-match queue: identities not yet resolved.</summary>
/// <param name="Waiting">Records waiting.</param>
/// <param name="OldestWaitingDays">Days the longest-waiting one has waited; null when none waits.</param>
public sealed record ReviewBacklog(long Waiting, double? OldestWaitingDays);
