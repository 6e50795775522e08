using Hub.Core.Kernel;

namespace Hub.Samples.Tests;

public sealed class FeedWriterTests
{
    private static readonly Population Population = new PopulationGenerator(new PopulationOptions { Seed = 7, People = 3000 }).Generate();

    public static TheoryData<string, SampleFileFormat> SourcesAndFormats()
    {
        var data = new TheoryData<string, SampleFileFormat>();
        foreach (var source in ShippedSources.Ids)
        {
            foreach (var format in Enum.GetValues<SampleFileFormat>())
            {
                data.Add(source, format);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SourcesAndFormats))]
    public async Task The_same_seed_writes_byte_identical_files(string source, SampleFileFormat format)
    {
        var mapping = HubReading.Mapping(source);
        var again = new PopulationGenerator(new PopulationOptions { Seed = 7, People = 3000 }).Generate();

        var first = await HubReading.WriteAsync(FeedWriter.Compose(Population, mapping), format);
        var second = await HubReading.WriteAsync(FeedWriter.Compose(again, mapping), format);

        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(SourcesAndFormats))]
    public async Task The_shipped_mapping_normalises_clean_rows_without_a_rejection(string source, SampleFileFormat format)
    {
        var mapping = HubReading.Mapping(source);
        var feed = FeedWriter.Compose(Population, mapping, new FeedWriterOptions { MistakeRate = 0 });

        var outcome = await HubReading.NormaliseAsync(await HubReading.WriteAsync(feed, format), format, mapping);

        Assert.Empty(outcome.MissingColumns);
        Assert.Empty(outcome.Rejections);
        Assert.Equal(feed.Rows.Count, outcome.Records.Count);
        Assert.Equal(feed.Rows.Select(r => (ResidentId?)r.Person.ResidentId), outcome.Records.Select(r => r.ResidentId));
        Assert.Equal(feed.Rows.Select(r => r.Person.Name), outcome.Records.Select(r => r.Attributes["name"]));
    }

    [Theory]
    [MemberData(nameof(SourcesAndFormats))]
    public async Task The_hub_rejects_exactly_the_rows_whose_mistakes_it_cannot_repair(string source, SampleFileFormat format)
    {
        // A source that rejects records without a usable ID, so that every unrepairable mistake is a rejection.
        var mapping = HubReading.Mapping(source) with { MatchWithoutId = false };
        var feed = FeedWriter.Compose(Population, mapping, new FeedWriterOptions { MistakeRate = 0.3 });

        var outcome = await HubReading.NormaliseAsync(await HubReading.WriteAsync(feed, format), format, mapping);

        var expected = feed.Rows.Where(r => r.Rejected).Select(r => (r.NumberIn(format), r.Mistakes[0].Column));
        Assert.Equal(expected, outcome.Rejections.Select(r => (r.Row, r.Field!)));

        // Repairable mistakes are repaired: the record carries the person's real ID number.
        var accepted = feed.Rows.Where(r => !r.Rejected).ToList();
        Assert.Equal(accepted.Select(r => (ResidentId?)r.Person.ResidentId), outcome.Records.Select(r => r.ResidentId));
    }

    [Fact]
    public void The_rate_of_everyday_mistakes_never_injects_a_stale_snapshot()
    {
        var kinds = ShippedSources.Ids
            .SelectMany(s => FeedWriter.Compose(Population, HubReading.Mapping(s), new FeedWriterOptions { MistakeRate = 1 }).Rows)
            .SelectMany(r => r.Mistakes)
            .Select(m => m.Kind)
            .ToHashSet();

        Assert.DoesNotContain(MistakeKind.PreviousResidence, kinds);
        Assert.DoesNotContain(MistakeKind.PreviousPhone, kinds);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.02)]
    [InlineData(0.1)]
    public void The_share_of_rows_with_a_mistake_is_the_configured_rate(double rate)
    {
        foreach (var source in ShippedSources.Ids)
        {
            var feed = FeedWriter.Compose(Population, HubReading.Mapping(source), new FeedWriterOptions { MistakeRate = rate });

            var expected = (int)Math.Round(rate * feed.Rows.Count, MidpointRounding.AwayFromZero);
            Assert.Equal(expected, feed.Rows.Count(r => r.Mistakes.Count > 0));
            Assert.All(feed.Rows, r => Assert.True(r.Mistakes.Count <= 1));
        }
    }

    [Fact]
    public void Every_kind_of_mistake_occurs_and_only_the_chosen_kinds_do()
    {
        var all = ShippedSources.Ids
            .SelectMany(s => FeedWriter.Compose(Population, HubReading.Mapping(s), new FeedWriterOptions { MistakeRate = 0.5, StaleResidenceRate = 0.1, StalePhoneRate = 0.1 }).Rows)
            .SelectMany(r => r.Mistakes)
            .Select(m => m.Kind)
            .ToHashSet();
        var dates = FeedWriter.Compose(Population, HubReading.Mapping(ShippedSources.Police), new FeedWriterOptions { MistakeRate = 0.5, Mistakes = new HashSet<MistakeKind> { MistakeKind.ChineseDate } });

        Assert.Equal(Enum.GetValues<MistakeKind>().ToHashSet(), all);
        Assert.All(dates.Rows.SelectMany(r => r.Mistakes), m => Assert.Equal(MistakeKind.ChineseDate, m.Kind));
    }

    [Fact]
    public void Id_numbers_of_rows_without_an_id_mistake_are_valid_as_written()
    {
        foreach (var source in ShippedSources.Ids)
        {
            var mapping = HubReading.Mapping(source);
            var feed = FeedWriter.Compose(Population, mapping, new FeedWriterOptions { MistakeRate = 0.2 });
            var column = mapping.ResidentIdField.Column;
            foreach (var row in feed.Rows.Where(r => r.Mistakes.All(m => m.Column != column)))
            {
                Assert.True(ResidentId.TryParse(row.Values[column], out _, out var reason), reason);
                Assert.Equal(18, row.Values[column]!.Length);
            }
        }
    }

    [Fact]
    public void A_feed_holds_one_record_per_person_and_record_key_as_the_hub_requires()
    {
        foreach (var source in ShippedSources.Ids)
        {
            var mapping = HubReading.Mapping(source);
            var feed = FeedWriter.Compose(Population, mapping, new FeedWriterOptions { MistakeRate = 0 });
            var keys = feed.Rows.Select(r => (r.Person.Number, string.Join('~', mapping.RecordKey.Select(k => r.Values[mapping.Fields.Single(f => f.Attribute == k).Column]))));
            Assert.Equal(feed.Rows.Count, keys.Distinct().Count());
        }
    }

    [Fact]
    public void The_same_people_appear_in_the_feeds_of_several_departments()
    {
        var sourcesPerPerson = ShippedSources.Ids
            .SelectMany(s => FeedWriter.Compose(Population, HubReading.Mapping(s)).Rows.Select(r => (Source: s, r.Person.Number)))
            .Distinct()
            .GroupBy(x => x.Number)
            .Select(g => g.Count())
            .ToList();

        Assert.True(sourcesPerPerson.Count(c => c >= 3) >= 20, "expected at least 20 people in three or more feeds");
        Assert.Contains(4, sourcesPerPerson);
    }

    [Fact]
    public void Departments_use_their_own_headers_and_labels()
    {
        var civil = FeedWriter.Compose(Population, HubReading.Mapping(ShippedSources.CivilAffairs));
        var housing = FeedWriter.Compose(Population, HubReading.Mapping(ShippedSources.HousingSecurity), new FeedWriterOptions { MistakeRate = 0 });

        Assert.Equal("身份证号码", civil.Columns[0]);
        Assert.Contains(civil.Rows, r => r.Values["救助类型"] == "城市低保");
        Assert.All(housing.Rows, r => Assert.Matches(@"^\d{4}\.\d{2}\.\d{2}$", r.Values["合同起始日期"]));
    }
}
