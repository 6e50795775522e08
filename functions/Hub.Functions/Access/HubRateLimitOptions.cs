namespace Hub.Functions.Access;

/// <summary>
/// The per-user limit on reads of person data: a token bucket per subject. A user may burst to
/// <see cref="TokenLimit"/> requests, then gets <see cref="TokensPerPeriod"/> more every <see cref="ReplenishmentPeriod"/>.
/// </summary>
internal sealed class HubRateLimitOptions
{
    public const string SectionName = "Hub:RateLimits";

    /// <summary>The most requests a user may make at once (the bucket's size).</summary>
    public int TokenLimit { get; set; } = 60;

    /// <summary>Requests added back every period.</summary>
    public int TokensPerPeriod { get; set; } = 30;

    /// <summary>How often requests are added back.</summary>
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
