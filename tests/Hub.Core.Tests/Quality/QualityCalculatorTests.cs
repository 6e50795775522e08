using Hub.Core.Feeds.Batches;
using Hub.Core.Quality;

namespace Hub.Core.Tests.Quality;

public sealed class QualityCalculatorTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rates_and_shares_are_taken_of_the_rows_received_and_accepted()
    {
        var batch = Batch("20260302080000-aaaaaaaa", FeedMode.Snapshot, Monday, received: 200, rejected: 20, unidentified: 9, new BatchQuality
        {
            Accepted = 180,
            Rejections = [new ReasonTally("身份证号码", "a required value is missing", 15), new ReasonTally(null, "the same record is already at row #", 5)],
            Completeness = [new AttributeTally("name", 180), new AttributeTally("phone", 135)],
            Agreements = [new AgreementTally("name", "police", 100, 4), new AgreementTally("name", "housing-security", 50, 1), new AgreementTally("birthDate", "police", 100, 0)],
        });

        var figures = QualityCalculator.Figures(batch);

        Assert.True(figures.Recorded);
        Assert.Equal(0.1, figures.RejectionRate);
        Assert.Equal(0.05, figures.KeptWithoutIdShare);
        Assert.Equal([0.075, 0.025], figures.Rejections.Select(r => r.Rate));
        Assert.Equal([1.0, 0.75], figures.Completeness.Select(c => c.Share));
        Assert.Equal(0.875, figures.MeanCompleteness);
        var name = Assert.Single(figures.Disagreements, d => d.Attribute == "name");
        Assert.Equal((150, 5, 0.0333), (name.Compared, name.Differing, name.Rate));
        Assert.Equal([0.04, 0.02], name.ByDepartment.Select(d => d.Rate));
        Assert.Equal(0.02, figures.DisagreementRate);
    }

    [Fact]
    public void A_batch_completed_before_figures_were_kept_still_gives_what_its_counts_tell()
    {
        var figures = QualityCalculator.Figures(Batch("20250101000000-aaaaaaaa", FeedMode.Delta, Monday, received: 40, rejected: 10, unidentified: 3, quality: null));

        Assert.False(figures.Recorded);
        Assert.Equal((30, 0.25, 0.1), (figures.Accepted, figures.RejectionRate, figures.KeptWithoutIdShare));
        Assert.Null(figures.MeanCompleteness);
        Assert.Null(figures.DisagreementRate);
        Assert.Empty(figures.Completeness);
    }

    [Fact]
    public void An_empty_batch_has_rates_of_nought_not_a_division_by_zero()
    {
        var figures = QualityCalculator.Figures(Batch("20260302080000-aaaaaaaa", FeedMode.Delta, Monday, 0, 0, 0, new BatchQuality { Completeness = [new AttributeTally("name", 0)] }));

        Assert.Equal((0.0, 0.0), (figures.RejectionRate, figures.KeptWithoutIdShare));
        Assert.Null(figures.MeanCompleteness);
    }

    [Fact]
    public void Timeliness_is_the_age_of_the_newest_batch_and_of_the_newest_snapshot_and_the_lag_of_their_changes()
    {
        var snapshot = Batch("20260220080000-aaaaaaaa", FeedMode.Snapshot, Monday.AddDays(-10), 10, 0, 0, new BatchQuality { Lag = new ArrivalLag().With(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 20)) });
        var delta = Batch("20260301080000-bbbbbbbb", FeedMode.Delta, Monday.AddDays(-1), 10, 0, 0, new BatchQuality { Lag = new ArrivalLag().With(new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 1)) });

        var timeliness = QualityCalculator.Timeliness([snapshot, delta], Monday.AddHours(12));

        Assert.Equal(Monday.AddDays(-1), timeliness.NewestBatchAt);
        Assert.Equal(1.5, timeliness.NewestDataAgeDays);
        Assert.Equal(10.5, timeliness.SnapshotAgeDays);
        Assert.Equal(10, timeliness.MeanLagDays);
        Assert.Equal(19, timeliness.MaxLagDays);
    }

    [Fact]
    public void A_department_without_batches_has_no_ages()
    {
        var timeliness = QualityCalculator.Timeliness([], Monday);

        Assert.Null(timeliness.NewestDataAgeDays);
        Assert.Null(timeliness.SnapshotAgeDays);
        Assert.Null(timeliness.MeanLagDays);
    }

    [Fact]
    public void Arrival_lag_counts_changes_dated_after_their_arrival_apart()
    {
        var arrived = new DateOnly(2026, 3, 2);
        var lag = new ArrivalLag().With(arrived, arrived).With(arrived.AddDays(-10), arrived).With(arrived.AddDays(-40), arrived).With(arrived.AddDays(5), arrived);

        Assert.Equal((3, 50, 40, 1), (lag.Changes, lag.TotalDays, lag.MaxDays, lag.Ahead));
        Assert.Equal((1, 2, 3), (lag.WithinWeek, lag.WithinMonth, lag.WithinQuarter));
        Assert.Equal(50.0 / 3, lag.MeanDays);
    }

    [Fact]
    public void A_batch_moves_each_figure_from_the_previous_batch_and_names_the_attribute_it_moved()
    {
        var before = QualityCalculator.Figures(Batch("20260301080000-aaaaaaaa", FeedMode.Snapshot, Monday.AddDays(-1), 100, 10, 0, new BatchQuality
        {
            Accepted = 90,
            Completeness = [new AttributeTally("phone", 45)],
            Agreements = [new AgreementTally("name", "police", 50, 5)],
        }));
        var after = QualityCalculator.Figures(Batch("20260302080000-bbbbbbbb", FeedMode.Snapshot, Monday, 100, 5, 0, new BatchQuality
        {
            Accepted = 95,
            Completeness = [new AttributeTally("phone", 76), new AttributeTally("sex", 95)],
            Agreements = [new AgreementTally("name", "police", 50, 1)],
        }));

        var movements = QualityCalculator.Movements(before, after);

        Assert.Equal(-0.05, Single(movements, "rejectionRate", null).Change);
        Assert.Equal(0.3, Single(movements, "completeness", "phone").Change);
        var sex = Single(movements, "completeness", "sex");
        Assert.Equal((null, 1.0, null), (sex.Before, sex.After, sex.Change));
        Assert.Equal(-0.08, Single(movements, "disagreement", "name").Change);
    }

    [Fact]
    public void A_departments_first_batch_moves_from_nothing()
    {
        var first = QualityCalculator.Figures(Batch("20260302080000-bbbbbbbb", FeedMode.Snapshot, Monday, 10, 1, 0, new BatchQuality { Accepted = 9 }));

        var movements = QualityCalculator.Movements(null, first);

        Assert.All(movements, m => Assert.Null(m.Before));
        Assert.Equal(0.1, Single(movements, "rejectionRate", null).After);
    }

    private static QualityMovement Single(IReadOnlyList<QualityMovement> movements, string figure, string? subject) =>
        Assert.Single(movements, m => m.Figure == figure && m.Subject == subject);

    private static FeedBatch Batch(string id, FeedMode mode, DateTimeOffset receivedAt, long received, long rejected, long unidentified, BatchQuality? quality) => new()
    {
        Id = id,
        Source = "civil-affairs",
        Mode = mode,
        Status = BatchStatus.Completed,
        ContentType = "text/csv",
        ContentHash = "00",
        PayloadBytes = 1,
        SubmittedBy = "civil-affairs-client",
        ReceivedAt = receivedAt,
        Counts = new BatchCounts { Received = received, Rejected = rejected, Unidentified = unidentified },
        Quality = quality,
    };
}
