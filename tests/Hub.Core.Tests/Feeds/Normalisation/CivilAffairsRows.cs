using Hub.Core.Feeds;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Tests.Feeds.Sources;

namespace Hub.Core.Tests.Feeds.Normalisation;

/// <summary>
/// Rows of the shipped civil-affairs layout and its normaliser, for the normaliser's tests. The source rejects records
/// without a usable ID rather than keeping them for matching (the default; see UnidentifiedRecordTests), because these
/// tests are about the reasons a record is rejected.
/// </summary>
internal static class CivilAffairsRows
{
    public static RecordNormaliser Normaliser { get; } = new(ShippedSources.Load("civil-affairs") with { MatchWithoutId = false }, FeedDates.Received);

    /// <summary>Normalises <paramref name="row"/> with the civil-affairs layout; it must be accepted without any rejection.</summary>
    public static NormalisedRecord Accept(FeedRow row) => Accept(Normaliser, row);

    /// <summary>Normalises <paramref name="row"/> with <paramref name="normaliser"/>; it must be accepted without any rejection.</summary>
    public static NormalisedRecord Accept(RecordNormaliser normaliser, FeedRow row)
    {
        Assert.True(normaliser.TryNormalise(row, out var record, out var rejections), string.Join("; ", rejections));
        Assert.Empty(rejections);
        Assert.NotNull(record);
        return record;
    }

    public static FeedRow Row(long number, Dictionary<string, string?> values) => new(number, values);

    public static Dictionary<string, string?> GoodValues() => new()
    {
        ["身份证号码"] = "11010519491231002x",
        ["姓名"] = "张 三",
        ["性别"] = "女",
        ["出生日期"] = "1949/12/31",
        ["救助类型"] = "城市低保",
        ["救助金额(元)"] = "1,300",
        ["保障人数"] = "3",
        ["享受起始日期"] = "2024年1月1日",
        ["终止日期"] = "20241231",
        ["户籍地区划代码"] = "110105",
        ["居住地区划代码"] = "110105001002",
        ["网格"] = "Ｇ-07",
        ["现住址"] = "朝阳区  幸福里 1号",
        ["联系电话"] = "+86 138 0013 8000",
    };
}
