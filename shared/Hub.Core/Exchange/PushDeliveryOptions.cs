using System.ComponentModel.DataAnnotations;

namespace Hub.Core.Exchange;

/// <summary>How the Hub pushes change events to subscribers' endpoints (<c>Hub:Push</c>).</summary>
public sealed class PushDeliveryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hub:Push";

    /// <summary>How long a subscriber's endpoint has to answer one delivery.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts of one delivery before its events are parked in the dead-letter list.</summary>
    [Range(1, 50)]
    public int Attempts { get; set; } = 8;

    /// <summary>The wait before the first retry; each later wait is four times the one before, up to <see cref="LongestRetry"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan LongestRetry { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Events sent in one delivery, as one CloudEvents batch.</summary>
    [Range(1, 1000)]
    public int EventsPerDelivery { get; set; } = 100;

    /// <summary>
    /// Whether an endpoint may be plain <c>http</c> on the loopback address: for a receiver on the same machine in
    /// development and tests. Everywhere else an endpoint is <c>https</c>, as personal data travels in the body.
    /// </summary>
    public bool AllowLoopbackHttp { get; set; }

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
