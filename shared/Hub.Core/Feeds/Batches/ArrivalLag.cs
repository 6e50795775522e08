namespace Hub.Core.Feeds.Batches;

/// <summary>
/// The lag between the day a change took effect, as its source states it (a death date, a validity start or end), and
/// the day the Hub received it, over a batch's changes. Changes dated after their arrival (a validity that ends next
/// month) are counted apart and not in the lag.
/// </summary>
public sealed record ArrivalLag
{
    /// <summary>Changes with a stated effective date on or before their arrival.</summary>
    public long Changes { get; init; }

    /// <summary>The sum of their lags in days.</summary>
    public long TotalDays { get; init; }

    /// <summary>The longest lag in days.</summary>
    public long MaxDays { get; init; }

    /// <summary>Changes that arrived within 7 days.</summary>
    public long WithinWeek { get; init; }

    /// <summary>Changes that arrived within 30 days.</summary>
    public long WithinMonth { get; init; }

    /// <summary>Changes that arrived within 90 days.</summary>
    public long WithinQuarter { get; init; }

    /// <summary>Changes stated to take effect after the day they arrived.</summary>
    public long Ahead { get; init; }

    /// <summary>The mean lag in days; null without changes.</summary>
    public double? MeanDays => Changes == 0 ? null : (double)TotalDays / Changes;

    /// <summary>Adds one change that took effect on <paramref name="effective"/> and arrived on <paramref name="arrived"/>.</summary>
    public ArrivalLag With(DateOnly effective, DateOnly arrived)
    {
        var days = arrived.DayNumber - effective.DayNumber;
        if (days < 0)
        {
            return this with { Ahead = Ahead + 1 };
        }

        return this with
        {
            Changes = Changes + 1,
            TotalDays = TotalDays + days,
            MaxDays = Math.Max(MaxDays, days),
            WithinWeek = WithinWeek + (days <= 7 ? 1 : 0),
            WithinMonth = WithinMonth + (days <= 30 ? 1 : 0),
            WithinQuarter = WithinQuarter + (days <= 90 ? 1 : 0),
        };
    }
}
