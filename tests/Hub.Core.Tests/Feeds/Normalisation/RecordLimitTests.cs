using Hub.Core.Feeds;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Sources;
using Hub.Core.Tests.Feeds.Sources;

namespace Hub.Core.Tests.Feeds.Normalisation;

/// <summary>A value or record too large to store is rejected with its own reason, so nothing of it is ever written.</summary>
public sealed class RecordLimitTests
{
    private static readonly SourceMapping CivilAffairs = ShippedSources.Load("civil-affairs");

    [Fact]
    public void A_value_longer_than_the_value_limit_is_rejected_naming_its_column()
    {
        var row = Row(("现住址", new string('址', FeedLimits.MaxValueLength + 1)));

        Assert.False(new RecordNormaliser(CivilAffairs, FeedDates.Received).TryNormalise(row, out _, out var rejections));

        var rejection = Assert.Single(rejections);
        Assert.Equal("现住址", rejection.Field);
        Assert.Equal("the value is 2,001 characters long; the most a value may be is 2,000", rejection.Reason);
    }

    [Fact]
    public void A_value_at_the_limit_is_stored()
    {
        var row = Row(("现住址", new string('址', FeedLimits.MaxValueLength)));

        Assert.True(new RecordNormaliser(CivilAffairs, FeedDates.Received).TryNormalise(row, out var record, out _));
        Assert.Equal(FeedLimits.MaxValueLength, record!.Attributes["residenceAddress"].Length);
    }

    [Fact]
    public void A_40000_character_id_cell_is_rejected_not_kept_for_matching_with_all_of_it()
    {
        var row = Row(("身份证号码", new string('1', 40_000)));

        Assert.False(new RecordNormaliser(CivilAffairs, FeedDates.Received).TryNormalise(row, out _, out var rejections));

        var rejection = Assert.Single(rejections);
        Assert.Equal("身份证号码", rejection.Field);
        Assert.StartsWith("the value is 40,000 characters long", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_whose_stored_form_is_longer_than_the_record_limit_is_rejected_as_a_whole()
    {
        var notes = Enumerable.Range(1, 10).Select(i => new FieldMapping { Column = $"备注{i}", Attribute = $"note{i}" }).ToList();
        var mapping = CivilAffairs with { Fields = [.. CivilAffairs.Fields, .. notes] };
        var row = Row([.. notes.Select(n => (n.Column, new string('注', FeedLimits.MaxValueLength)))]);

        Assert.False(new RecordNormaliser(mapping, FeedDates.Received).TryNormalise(row, out _, out var rejections));

        var rejection = Assert.Single(rejections);
        Assert.Null(rejection.Field);
        Assert.Contains("once normalised; the most a record may be is 16,000", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_key_too_long_for_a_row_key_is_rejected()
    {
        var mapping = CivilAffairs with
        {
            RecordKey = ["certificate"],
            Fields = [.. CivilAffairs.Fields, new FieldMapping { Column = "证书号", Attribute = "certificate" }],
        };

        Assert.False(new RecordNormaliser(mapping, FeedDates.Received).TryNormalise(Row(("证书号", new string('证', 100))), out _, out var rejections));

        Assert.StartsWith("the record key is 900 characters long once escaped", Assert.Single(rejections).Reason, StringComparison.Ordinal);
    }

    private static FeedRow Row(params (string Column, string Value)[] extra)
    {
        var values = new Dictionary<string, string?>
        {
            ["身份证号码"] = "11010519491231002X",
            ["姓名"] = "王秀英",
            ["救助类型"] = "城市低保",
            ["享受起始日期"] = "2024-03-01",
            ["居住地区划代码"] = "110105003002",
        };
        foreach (var (column, value) in extra)
        {
            values[column] = value;
        }

        return new FeedRow(2, values);
    }
}