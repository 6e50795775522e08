using Hub.Core.Feeds;
using Hub.Core.Feeds.Batches;
using Hub.Core.Feeds.Processing;
using Hub.Core.Feeds.Sources;

namespace Hub.Core.Tests.Quality;

public sealed class BatchQualityTallyTests
{
    private static readonly SourceMapping Mapping = new()
    {
        Id = "civil-affairs",
        DisplayName = "民政",
        Department = "民政局",
        Fields =
        [
            new FieldMapping { Column = "姓名", Attribute = "name", Required = true },
            new FieldMapping { Column = "联系电话", Attribute = "phone" },
            new FieldMapping { Column = "性别", Attribute = "sex" },
        ],
    };

    [Fact]
    public void Completeness_counts_every_mapped_attribute_even_one_no_row_carries()
    {
        var tally = new BatchQualityTally(Batch(), Mapping);
        tally.Accepted(new Dictionary<string, string> { ["name"] = "张三", ["phone"] = "13800000000" });
        tally.Accepted(new Dictionary<string, string> { ["name"] = "李四", ["phone"] = " " });

        var quality = tally.ToQuality();

        Assert.Equal(2, quality.Accepted);
        Assert.Equal([new AttributeTally("name", 2), new AttributeTally("phone", 1), new AttributeTally("sex", 0)], quality.Completeness);
    }

    [Fact]
    public void A_rejected_row_counts_once_under_each_reason_and_row_numbers_fold_into_one_reason()
    {
        var tally = new BatchQualityTally(Batch(), Mapping);
        tally.Rejected([new Rejection(3, "姓名", "a required value is missing"), new Rejection(3, "姓名", "a required value is missing")]);
        tally.Rejected([new Rejection(7, null, "the same record is already at row 2; a feed holds one record per person")]);
        tally.Rejected([new Rejection(9, null, "the same record is already at row 5; a feed holds one record per person")]);

        var quality = tally.ToQuality();

        Assert.Equal(
            [new ReasonTally(null, "the same record is already at row #; a feed holds one record per person", 2), new ReasonTally("姓名", "a required value is missing", 1)],
            quality.Rejections);
    }

    [Fact]
    public void Reasons_past_the_most_kept_apart_are_counted_together()
    {
        var tally = new BatchQualityTally(Batch(), Mapping);
        for (var i = 0; i < BatchQualityTally.MaxReasons + 5; i++)
        {
            tally.Rejected([new Rejection(i, $"列{(char)('A' + i)}", "a required value is missing")]);
        }

        var quality = tally.ToQuality();

        Assert.Equal(BatchQualityTally.MaxReasons + 1, quality.Rejections.Count);
        Assert.Equal(5, Assert.Single(quality.Rejections, r => r.Reason == BatchQualityTally.OtherReasons).Rows);
        Assert.Equal(BatchQualityTally.MaxReasons + 5, quality.Rejections.Sum(r => r.Rows));
    }

    private static FeedBatch Batch() => new()
    {
        Id = "20260302080000-aaaaaaaa",
        Source = "civil-affairs",
        Mode = FeedMode.Delta,
        Status = BatchStatus.Processing,
        ContentType = "text/csv",
        ContentHash = "00",
        PayloadBytes = 1,
        SubmittedBy = "civil-affairs-client",
        ReceivedAt = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero),
    };
}
