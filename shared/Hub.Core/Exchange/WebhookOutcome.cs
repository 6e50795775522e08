namespace Hub.Core.Exchange;

/// <summary>What a subscriber's endpoint did with one delivery.</summary>
/// <param name="Delivered">Whether it answered with a 2xx status.</param>
/// <param name="Status">The HTTP status it answered with; null when it gave none.</param>
/// <param name="Reason">For a failed delivery, why, in words an operator reads (never the body).</param>
public readonly record struct WebhookOutcome(bool Delivered, int? Status, string? Reason)
{
    /// <summary>The endpoint took the delivery.</summary>
    public static WebhookOutcome Accepted(int status) => new(true, status, null);

    /// <summary>The endpoint answered, but not with a 2xx status.</summary>
    public static WebhookOutcome Refused(int status) => new(false, status, $"the endpoint answered {status}");

    /// <summary>The endpoint gave no answer.</summary>
    public static WebhookOutcome Unanswered(string reason) => new(false, null, reason);
}
