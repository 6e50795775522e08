using Hub.Core.Access.Residents;
using Hub.Core.Feeds;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Sources;
using Hub.Core.Tests.Feeds.Sources;

namespace Hub.Core.Tests.Feeds.Normalisation;

/// <summary>
/// ID numbers that pass their check character but cannot be real: an address code that names no GB/T 2260
/// division, or a birth date after the day the feed was received. They are as unusable as a mistyped number.
/// </summary>
public sealed class ImplausibleIdTests
{
    private const string UnknownDivision = "999999194912310025";
    private const string BornAfterTheFeed = "110105202601160025";
    private const string BornOnTheFeedsDate = "11010520260115002X";
    private const string AddressReason = "ID number's address code is not a division of GB/T 2260";
    private const string FutureBirthReason = "ID number has a birth date after the feed's date";

    private readonly SourceMapping _civilAffairs = ShippedSources.Load("civil-affairs");

    [Theory]
    [InlineData(UnknownDivision, AddressReason)]
    [InlineData(BornAfterTheFeed, FutureBirthReason)]
    public void A_source_that_does_not_match_without_an_id_rejects_the_row_with_the_reason_in_the_id_column(string id, string reason)
    {
        var normaliser = new RecordNormaliser(_civilAffairs with { MatchWithoutId = false }, FeedDates.Received);

        var accepted = normaliser.TryNormalise(new FeedRow(6, Values(id)), out var record, out var rejections);

        Assert.False(accepted);
        Assert.Null(record);
        Assert.Equal(new Rejection(6, "身份证号码", reason), Assert.Single(rejections));
    }

    [Theory]
    [InlineData(UnknownDivision, AddressReason)]
    [InlineData(BornAfterTheFeed, FutureBirthReason)]
    public void By_default_the_record_is_kept_without_an_id_and_the_problem_is_reported(string id, string reason)
    {
        var normaliser = new RecordNormaliser(_civilAffairs, FeedDates.Received);

        Assert.True(normaliser.TryNormalise(new FeedRow(6, Values(id)), out var record, out var rejections));

        Assert.Empty(rejections);
        Assert.False(record!.IsIdentified);
        Assert.Equal(new Rejection(6, "身份证号码", reason), record.IdProblem);
        Assert.Equal(id, record.Attributes["residentIdAsSent"]);
        Assert.False(record.Attributes.ContainsKey("residentId"));
    }

    [Theory]
    [InlineData(UnknownDivision)]
    [InlineData(BornAfterTheFeed)]
    public void A_kept_number_is_matching_evidence_never_a_valid_id(string id)
    {
        var normaliser = new RecordNormaliser(_civilAffairs, FeedDates.Received);
        Assert.True(normaliser.TryNormalise(new FeedRow(6, Values(id)), out var record, out _));

        // As the resident index reads the stored record back, days or years after its feed.
        var match = ResidentRowBuilder.ToMatchRecord(record!.Attributes);

        Assert.Null(match.ResidentId);
        Assert.True(match.IdEvidence!.Value.IsComplete);
        Assert.Equal(id, match.IdEvidence.Value.Digits);
    }

    [Fact]
    public void A_baby_born_on_the_feeds_date_is_identified()
    {
        var normaliser = new RecordNormaliser(_civilAffairs with { MatchWithoutId = false }, FeedDates.Received);

        Assert.True(normaliser.TryNormalise(new FeedRow(2, Values(BornOnTheFeedsDate)), out var record, out var rejections), string.Join("; ", rejections));

        Assert.Equal(BornOnTheFeedsDate, record!.ResidentId!.Value.Value);
    }

    [Fact]
    public void The_same_number_is_usable_in_a_feed_received_on_the_birth_date()
    {
        var normaliser = new RecordNormaliser(_civilAffairs with { MatchWithoutId = false }, FeedDates.Received.AddDays(1));

        Assert.True(normaliser.TryNormalise(new FeedRow(2, Values(BornAfterTheFeed)), out var record, out var rejections), string.Join("; ", rejections));

        Assert.True(record!.IsIdentified);
    }

    private static Dictionary<string, string?> Values(string id) => new()
    {
        ["身份证号码"] = id,
        ["姓名"] = "张三",
        ["性别"] = "女",
        ["救助类型"] = "城市低保",
        ["享受起始日期"] = "2024-01-01",
        ["居住地区划代码"] = "110105001002",
    };
}
