using Hub.Core.Storage;

namespace Hub.Core.Profiles.Facts;

/// <summary>One decision about a key, kept for good (<c>{personKey}|~history|{ticks}|{n}</c>).</summary>
internal sealed class HistoryEntity : StoredEntity
{
    public string PersonKey { get; set; } = string.Empty;

    /// <summary>What was done: <c>match</c>, <c>possible-match</c>, <c>no-match</c>, <c>link</c>, <c>reject</c>, <c>merge</c>, <c>split</c>.</summary>
    public string Action { get; set; } = string.Empty;

    public string Golden { get; set; } = string.Empty;

    public string? PreviousGolden { get; set; }

    public string Decider { get; set; } = string.Empty;

    public double? Score { get; set; }

    public string DecidedBy { get; set; } = string.Empty;

    public DateTimeOffset DecidedAt { get; set; }

    public string? Reason { get; set; }
}
