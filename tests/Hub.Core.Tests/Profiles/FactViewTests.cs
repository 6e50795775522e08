using Hub.Core.Profiles.Facts;

namespace Hub.Core.Tests.Profiles;

public sealed class FactViewTests
{
    [Fact]
    public void A_stored_fact_is_read_with_its_discriminator_attributes_batch_and_dates()
    {
        var entity = new FactEntity
        {
            PartitionKey = "p012",
            RowKey = FactEntity.RowKeyFor("civil-affairs", "0123456789abcdef0123456789abcdef", Uri.EscapeDataString("dibao")),
            Source = "civil-affairs",
            Attributes = """{"assistanceType":"dibao","name":"王秀英","validFrom":"2019-04-01"}""",
            LastBatch = "b-20260301",
            FirstSeenAt = new DateTimeOffset(2019, 4, 3, 2, 0, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero),
            EndedAt = new DateTimeOffset(2026, 5, 1, 2, 0, 0, TimeSpan.Zero),
        };

        var fact = entity.ToView();

        Assert.Equal("civil-affairs", fact.Source);
        Assert.Equal("dibao", fact.Discriminator);
        Assert.Equal("王秀英", fact.ValueOf("name"));
        Assert.Null(fact.ValueOf("phone"));
        Assert.Equal("b-20260301", fact.LastBatch);
        Assert.Equal(entity.FirstSeenAt, fact.FirstSeenAt);
        Assert.Equal(entity.UpdatedAt, fact.UpdatedAt);
        Assert.Equal(entity.EndedAt, fact.EndedAt);
    }

    [Fact]
    public void A_fact_one_source_holds_once_per_person_has_an_empty_discriminator()
    {
        var entity = new FactEntity { RowKey = FactEntity.RowKeyFor("police", "0123456789abcdef0123456789abcdef", string.Empty), Source = "police" };

        Assert.Equal(string.Empty, entity.ToView().Discriminator);
    }

    [Fact]
    public void Printing_a_fact_or_a_value_shows_no_personal_data()
    {
        var fact = TestFacts.Police(TestFacts.At(2026, 1, 10));
        var profile = TestFacts.Build(fact);

        Assert.DoesNotContain("王秀英", fact.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("王秀英", profile.Attributes["name"].ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("金台路", profile.Residence!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("王秀英", profile.ToString(), StringComparison.Ordinal);
    }
}
