using Hub.Core.Feeds;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Reading;
using Hub.Core.Identity.Keys;
using Hub.Core.Kernel;
using Hub.Core.Tests.Feeds.Sources;
using Microsoft.Extensions.Options;

namespace Hub.Core.Tests.Feeds.Normalisation;

public sealed class UnidentifiedRecordTests
{
    private readonly Hub.Core.Feeds.Sources.SourceMapping _matching = ShippedSources.Load("civil-affairs");

    [Theory]
    [InlineData("1.10105E+17", "spreadsheet")]
    [InlineData("110105194912310021", "check character")]
    [InlineData(null, "required value is missing")]
    public void By_default_a_source_keeps_a_record_without_a_usable_id_and_reports_the_id_problem(string? id, string reason)
    {
        var row = new FeedRow(4, Values(id));

        var accepted = new RecordNormaliser(_matching, FeedDates.Received).TryNormalise(row, out var record, out var rejections);

        Assert.True(accepted);
        Assert.Empty(rejections);
        Assert.Null(record!.ResidentId);
        Assert.False(record.IsIdentified);
        Assert.Equal("身份证号码", record.IdProblem!.Field);
        Assert.Contains(reason, record.IdProblem.Reason, StringComparison.Ordinal);
        Assert.Equal(id is null ? null : ValueNormaliser.Text(id), record.Attributes.GetValueOrDefault("residentIdAsSent"));
    }

    [Fact]
    public void A_record_with_only_a_name_cannot_be_matched_and_is_rejected()
    {
        var values = new Dictionary<string, string?> { ["身份证号码"] = "1.10105E+17", ["姓名"] = "张三", ["救助类型"] = "城市低保", ["享受起始日期"] = "2024-01-01" };

        var accepted = new RecordNormaliser(_matching with { Fields = [.. _matching.Fields.Select(f => f with { Required = f.Attribute is "residentId" or "name" })] }, FeedDates.Received)
            .TryNormalise(new FeedRow(2, values), out _, out var rejections);

        Assert.False(accepted);
        Assert.Contains("spreadsheet", Assert.Single(rejections).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_that_turns_matching_off_rejects_a_record_without_a_usable_id()
    {
        var accepted = new RecordNormaliser(ShippedSources.Load("civil-affairs") with { MatchWithoutId = false }, FeedDates.Received).TryNormalise(new FeedRow(3, Values("1.10105E+17")), out _, out var rejections);

        Assert.False(accepted);
        Assert.Equal("身份证号码", Assert.Single(rejections).Field);
    }

    [Fact]
    public void The_provisional_key_is_stable_and_differs_from_any_id_key()
    {
        var hasher = new PersonKeyHasher(Options.Create(new PersonKeyOptions { Pepper = Convert.ToBase64String(new byte[32]) }));
        var first = new FeedRecordValidator(_matching, FeedFormat.Json, hasher, FeedDates.Received);
        var again = new FeedRecordValidator(_matching, FeedFormat.Json, hasher, FeedDates.Received);

        Assert.True(first.TryAccept(new FeedRow(1, Values("1.10105E+17")), out _, out var key, out _));
        Assert.True(again.TryAccept(new FeedRow(9, Values("110105194912310021")), out _, out var sameKey, out _));
        Assert.True(first.TryAccept(new FeedRow(2, Values("11010519491231002X")), out _, out var idKey, out _));

        Assert.Equal(key, sameKey);
        Assert.NotEqual(key, idKey);
        Assert.Equal(hasher.Hash(ResidentId.Parse("11010519491231002X")), idKey);
    }

    [Fact]
    public void Namesakes_without_a_birth_date_in_two_communities_are_two_records_not_a_repeat()
    {
        var hasher = new PersonKeyHasher(Options.Create(new PersonKeyOptions { Pepper = Convert.ToBase64String(new byte[32]) }));
        var validator = new FeedRecordValidator(_matching, FeedFormat.Json, hasher, FeedDates.Received);
        static Dictionary<string, string?> Undated(string community) => new(Values(null)) { ["出生日期"] = null, ["居住地区划代码"] = community };

        Assert.True(validator.TryAccept(new FeedRow(1, Undated("110105001002")), out _, out var first, out _));
        Assert.True(validator.TryAccept(new FeedRow(2, Undated("110105002003")), out _, out var second, out _));
        Assert.False(validator.TryAccept(new FeedRow(3, Undated("110105001002")), out _, out _, out var repeat));

        Assert.NotEqual(first, second);
        Assert.Contains("already at row 1", Assert.Single(repeat).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_birth_date_the_provisional_key_does_not_follow_the_community()
    {
        var hasher = new PersonKeyHasher(Options.Create(new PersonKeyOptions { Pepper = Convert.ToBase64String(new byte[32]) }));
        var before = new FeedRecordValidator(_matching, FeedFormat.Json, hasher, FeedDates.Received);
        var after = new FeedRecordValidator(_matching, FeedFormat.Json, hasher, FeedDates.Received);

        Assert.True(before.TryAccept(new FeedRow(1, Values(null)), out _, out var key, out _));
        Assert.True(after.TryAccept(new FeedRow(1, new Dictionary<string, string?>(Values(null)) { ["居住地区划代码"] = "110105002003" }), out _, out var moved, out _));

        Assert.Equal(key, moved);
    }

    private static Dictionary<string, string?> Values(string? id) => new()
    {
        ["身份证号码"] = id,
        ["姓名"] = "张三",
        ["性别"] = "女",
        ["出生日期"] = "1949-12-31",
        ["救助类型"] = "城市低保",
        ["享受起始日期"] = "2024-01-01",
        ["居住地区划代码"] = "110105001002",
    };
}
