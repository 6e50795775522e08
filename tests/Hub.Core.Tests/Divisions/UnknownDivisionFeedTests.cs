using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Sources;
using Hub.Core.Tests.Feeds;
using Hub.Core.Tests.Feeds.Normalisation;
using Hub.Core.Tests.Feeds.Sources;

namespace Hub.Core.Tests.Divisions;

/// <summary>A feed's division codes are checked against the registry: unknown or retired is a warning, or a rejection where the mapping says so.</summary>
public sealed class UnknownDivisionFeedTests
{
    private static readonly SourceMapping CivilAffairs = ShippedSources.Load("civil-affairs") with { MatchWithoutId = false };

    [Fact]
    public void A_division_in_force_passes_without_a_warning()
    {
        var record = CivilAffairsRows.Accept(new RecordNormaliser(CivilAffairs, FeedDates.Received, RegistryJson.Registry()), Row("110105001001"));

        Assert.Empty(record.Warnings);
        Assert.Equal("110105001001", record.Attributes["residenceDivision"]);
    }

    [Fact]
    public void An_unknown_division_is_kept_with_a_warning_naming_the_column_and_the_registry_version()
    {
        var record = CivilAffairsRows.Accept(new RecordNormaliser(CivilAffairs, FeedDates.Received, RegistryJson.Registry()), Row("110105001009"));

        var warning = Assert.Single(record.Warnings);
        Assert.Equal("居住地区划代码", warning.Problem.Field);
        Assert.Equal("division code is not in the division registry t.1", warning.Problem.Reason);
        Assert.Equal(InvalidValuePolicy.Keep, warning.Outcome);
        Assert.Equal("110105001009", record.Attributes["residenceDivision"]);
    }

    [Fact]
    public void A_retired_division_is_kept_with_a_warning_naming_where_it_lies_today()
    {
        var record = CivilAffairsRows.Accept(new RecordNormaliser(CivilAffairs, FeedDates.Received, RegistryJson.Registry()), Row("110105007001"));

        Assert.Equal("division code was retired (division registry t.1); it now lies in 110105001001", Assert.Single(record.Warnings).Problem.Reason);
    }

    [Fact]
    public void A_mapping_that_rejects_unknown_divisions_rejects_the_record()
    {
        var normaliser = new RecordNormaliser(CivilAffairs with { UnknownDivisions = UnknownDivisionPolicy.Reject }, FeedDates.Received, RegistryJson.Registry());

        Assert.False(normaliser.TryNormalise(Row("110105001009"), out _, out var rejections));

        var rejection = Assert.Single(rejections);
        Assert.Equal("居住地区划代码", rejection.Field);
        Assert.Equal("division code is not in the division registry t.1", rejection.Reason);
    }

    [Fact]
    public void The_mapping_option_is_read_from_a_mapping_file()
    {
        var json = File.ReadAllText(Hub.Tests.Shared.ShippedFiles.Source("civil-affairs")).Replace("\"fields\"", "\"unknownDivisions\": \"reject\",\n  \"fields\"", StringComparison.Ordinal);

        var mapping = MappingJson.Valid(json);

        Assert.Equal(UnknownDivisionPolicy.Reject, mapping.UnknownDivisions);
    }

    private static Hub.Core.Feeds.FeedRow Row(string residence)
    {
        var values = CivilAffairsRows.GoodValues();
        values["居住地区划代码"] = residence;
        values["户籍地区划代码"] = "110105001001";
        values["网格"] = "G03";
        return CivilAffairsRows.Row(2, values);
    }
}
