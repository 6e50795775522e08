namespace Hub.Core.Exchange;

/// <summary>How change events are derived, kept and read (<c>Hub:Events</c>).</summary>
public sealed class ChangeEventOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hub:Events";

    /// <summary>Whether batches derive, stage and publish change events; off, the feed stays as it is and subscriptions read nothing new.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A certificate or lease whose last day falls within this many days of the batch is reported as expiring.</summary>
    public int ExpiryHorizonDays { get; set; } = 60;

    /// <summary>The groups whose memberships are certificates or leases that expire. An array, so configuring it replaces the default rather than adding to it.</summary>
    public string[] ExpiringGroups { get; set; } = ["disability", "public-housing", "rent-subsidy"];

    /// <summary>How long published events can be read and replayed; older ones are pruned.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>The most events one feed read returns.</summary>
    public int MaxPageSize { get; set; } = 500;
}
