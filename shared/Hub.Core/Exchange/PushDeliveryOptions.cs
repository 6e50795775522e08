namespace Hub.Core.Exchange;

/// <summary>How the Hub pushes change events to subscribers' endpoints (<c>Hub:Push</c>).</summary>
public sealed class PushDeliveryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hub:Push";

    /// <summary>How long a subscriber's endpoint has to answer one delivery.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts of one delivery before its events are parked in the dead-letter list.</summary>
    public int Attempts { get; set; } = 8;

    /// <summary>The wait before the first retry; each later wait is four times the one before, up to <see cref="LongestRetry"/>.</summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan LongestRetry { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Events sent in one delivery, as one CloudEvents batch.</summary>
    public int EventsPerDelivery { get; set; } = 100;

    /// <summary>
    /// Whether an endpoint may be plain <c>http</c> on the loopback address: for a receiver on the same machine in
    /// development and tests. Everywhere else an endpoint is <c>https</c>, as personal data travels in the body.
    /// </summary>
    public bool AllowLoopbackHttp { get; set; }

    /// <summary>When the sweep asks every push subscription to deliver what is pending (NCRONTAB with seconds).</summary>
    public string SweepSchedule { get; set; } = "0 */5 * * * *";

    /// <summary>Whether the options make sense; checked at start-up.</summary>
    public bool IsValid =>
        Timeout > TimeSpan.Zero && Timeout <= TimeSpan.FromMinutes(5) && Attempts is >= 1 and <= 50 && FirstRetry >= TimeSpan.Zero
        && LongestRetry >= FirstRetry && LongestRetry <= TimeSpan.FromDays(7) && EventsPerDelivery is >= 1 and <= 1000;

    /// <summary>
    /// The wait before attempt <paramref name="attempt"/> (2 for the first retry), with a spread of up to a fifth taken
    /// from <paramref name="spread"/> (0 to 1), so that endpoints that failed together are not all retried at once.
    /// </summary>
    public TimeSpan RetryDelay(int attempt, double spread)
    {
        var wait = FirstRetry.TotalSeconds * Math.Pow(4, Math.Max(0, attempt - 2));
        var capped = Math.Min(wait, LongestRetry.TotalSeconds);
        return TimeSpan.FromSeconds(capped * (1 - (0.2 * Math.Clamp(spread, 0, 1))));
    }
}
