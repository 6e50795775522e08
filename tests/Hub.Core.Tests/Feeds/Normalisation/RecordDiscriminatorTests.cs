using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Sources;
using Hub.Core.Tests.Feeds.Sources;

namespace Hub.Core.Tests.Feeds.Normalisation;

/// <summary>The discriminator that tells apart several records of one person in one source.</summary>
public sealed class RecordDiscriminatorTests
{
    [Fact]
    public void Discriminator_is_built_from_the_record_key()
    {
        var dibao = CivilAffairsRows.GoodValues();
        var temporary = CivilAffairsRows.GoodValues();
        temporary["救助类型"] = "临时救助";

        var first = CivilAffairsRows.Accept(CivilAffairsRows.Row(2, dibao));
        var second = CivilAffairsRows.Accept(CivilAffairsRows.Row(3, temporary));

        Assert.Equal("dibao", first.Discriminator);
        Assert.Equal("temporary-assistance", second.Discriminator);
    }

    [Fact]
    public void Labels_with_the_same_code_give_the_same_discriminator()
    {
        var urban = CivilAffairsRows.GoodValues();
        urban["救助类型"] = "城市低保";
        var rural = CivilAffairsRows.GoodValues();
        rural["救助类型"] = "农村低保";

        var first = CivilAffairsRows.Accept(CivilAffairsRows.Row(2, urban));
        var second = CivilAffairsRows.Accept(CivilAffairsRows.Row(3, rural));

        Assert.Equal(first.Discriminator, second.Discriminator);
    }

    [Fact]
    public void Source_without_a_record_key_has_an_empty_discriminator()
    {
        var police = new RecordNormaliser(ShippedSources.Load("police"), FeedDates.Received);
        var row = CivilAffairsRows.Row(2, new()
        {
            ["公民身份号码"] = "11010519491231002X",
            ["姓名"] = "张三",
            ["户籍地区划代码"] = "110105001002",
        });

        var record = CivilAffairsRows.Accept(police, row);

        Assert.Equal(string.Empty, record.Discriminator);
    }

    [Fact]
    public void Discriminator_of_several_key_attributes_is_joined_and_safe_in_a_table_key()
    {
        var mapping = new SourceMapping
        {
            Id = "two-keys",
            DisplayName = "two keys",
            Department = "测试",
            RecordKey = ["program", "site"],
            Fields =
            [
                new FieldMapping { Column = "身份证号码", Attribute = "residentId", Type = FieldType.ResidentId, Required = true },
                new FieldMapping { Column = "项目", Attribute = "program", Type = FieldType.Text },
                new FieldMapping { Column = "地点", Attribute = "site", Type = FieldType.Text },
            ],
        };
        var row = CivilAffairsRows.Row(2, new() { ["身份证号码"] = "11010519491231002X", ["项目"] = "助餐/助浴", ["地点"] = "幸福里 #2" });

        var record = CivilAffairsRows.Accept(new RecordNormaliser(mapping, FeedDates.Received), row);

        Assert.Equal("助餐/助浴~幸福里 #2", Uri.UnescapeDataString(record.Discriminator));
        Assert.DoesNotMatch("[/\\\\#? \t]", record.Discriminator);
    }
}
