namespace Hub.Core.Identity.Resolution;

/// <summary>One decision about a key, as served to stewards.</summary>
/// <param name="PersonKey">The key decided about.</param>
/// <param name="Action">match, possible-match, no-match, link, reject, merge or split.</param>
/// <param name="Golden">The golden person the key belonged to afterwards.</param>
/// <param name="PreviousGolden">The golden person before, when it changed.</param>
/// <param name="Decider">auto or manual.</param>
/// <param name="Score">The matcher's score, for automatic decisions.</param>
/// <param name="DecidedBy">Who decided: the matcher or the steward's user id.</param>
/// <param name="DecidedAt">When.</param>
/// <param name="Reason">The steward's reason, when given.</param>
public sealed record HistoryItem(string PersonKey, string Action, string Golden, string? PreviousGolden, string Decider, double? Score, string DecidedBy, DateTimeOffset DecidedAt, string? Reason);
