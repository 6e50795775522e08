using System.Globalization;
using Hub.Core.Feeds.Normalisation;
using Hub.Samples.Corruption;

namespace Hub.Samples.Tests.Corruption;

public sealed class FeedCorruptorTests
{
    private static readonly Population Population = new PopulationGenerator(new PopulationOptions { Seed = 3, People = 600 }).Generate();
    private static readonly DateOnly Latest = Population.Options.ReferenceDate;

    // Clean feeds, so that every change is the corruption's.
    private static readonly IReadOnlyList<SampleFeed> Feeds =
        [.. ShippedSources.Ids.Select(id => FeedWriter.Compose(Population, HubReading.Mapping(id), new FeedWriterOptions { MistakeRate = 0 }))];

    public static TheoryData<CorruptionKind> Edits() => [.. Enum.GetValues<CorruptionKind>().Where(k => k != CorruptionKind.Duplicate)];

    [Theory]
    [MemberData(nameof(Edits))]
    public void Each_corruption_changes_only_what_it_says_and_names_the_cell(CorruptionKind kind)
    {
        var applied = 0;
        foreach (var feed in Feeds)
        {
            var corrupted = FeedCorruptor.Corrupt(feed, CorruptionRates.None.With(kind, 1), seed: 5, Latest);

            Assert.Equal(feed.Rows.Count, corrupted.Rows.Count);
            foreach (var (before, after) in feed.Rows.Zip(corrupted.Rows))
            {
                var changed = feed.Columns.Where(c => before.Values[c] != after.Values[c]).ToList();
                Assert.Equal(before.Index, after.Index);
                Assert.Same(before.Person, after.Person);
                if (after.Corruptions.Count == 0)
                {
                    Assert.Empty(changed);
                    continue;
                }

                applied++;
                var corruption = Assert.Single(after.Corruptions);
                Assert.Equal(kind, corruption.Kind);
                Assert.Contains(corruption.Column, changed);
                Check(feed, kind, changed, before, after);
            }
        }

        Assert.True(applied > 0, $"{kind} applied to no row");
    }

    [Fact]
    public void A_duplicate_is_a_copy_of_the_row_without_its_id_after_every_original()
    {
        var feed = Feeds[0];

        var corrupted = FeedCorruptor.Corrupt(feed, CorruptionRates.None.With(CorruptionKind.Duplicate, 1), seed: 5, Latest);

        var id = feed.Source.ResidentIdField.Column;
        Assert.Equal(2 * feed.Rows.Count, corrupted.Rows.Count);
        Assert.Equal(Enumerable.Range(1, corrupted.Rows.Count).Select(i => (long)i), corrupted.Rows.Select(r => r.Index));
        Assert.Equal(feed.Rows.Select(r => r.Values), corrupted.Rows.Take(feed.Rows.Count).Select(r => r.Values));
        foreach (var (original, copy) in feed.Rows.Zip(corrupted.Rows.Skip(feed.Rows.Count)))
        {
            Assert.Same(original.Person, copy.Person);
            Assert.Equal([new AppliedCorruption(CorruptionKind.Duplicate, id)], copy.Corruptions);
            Assert.Null(copy.Values[id]);
            Assert.Equal(original.Values.Where(v => v.Key != id), copy.Values.Where(v => v.Key != id));
        }
    }

    [Fact]
    public void The_same_seed_corrupts_the_same_way_and_another_seed_otherwise()
    {
        var rates = new CorruptionRates();

        var first = Feeds.Select(f => FeedCorruptor.Corrupt(f, rates, 5, Latest)).SelectMany(f => f.Rows).ToList();
        var second = Feeds.Select(f => FeedCorruptor.Corrupt(f, rates, 5, Latest)).SelectMany(f => f.Rows).ToList();
        var other = Feeds.Select(f => FeedCorruptor.Corrupt(f, rates, 6, Latest)).SelectMany(f => f.Rows).ToList();

        Assert.Equal(first.Select(r => r.Values), second.Select(r => r.Values));
        Assert.Equal(first.Select(r => string.Join('|', r.Corruptions)), second.Select(r => string.Join('|', r.Corruptions)));
        Assert.NotEqual(first.Select(r => string.Join('|', r.Corruptions)), other.Select(r => string.Join('|', r.Corruptions)));
    }

    [Fact]
    public void Turning_one_corruption_off_leaves_every_other_draw_where_it_was()
    {
        var all = FeedCorruptor.Corrupt(Feeds[1], new CorruptionRates(), 5, Latest);
        var withoutSex = FeedCorruptor.Corrupt(Feeds[1], new CorruptionRates { NoSex = 0 }, 5, Latest);

        Assert.Contains(all.Rows, r => r.Corruptions.Any(c => c.Kind == CorruptionKind.NoSex));
        Assert.Equal(
            all.Rows.Select(r => string.Join('|', r.Corruptions.Where(c => c.Kind != CorruptionKind.NoSex))),
            withoutSex.Rows.Select(r => string.Join('|', r.Corruptions)));
    }

    [Fact]
    public void The_default_rates_corrupt_about_two_rows_in_five()
    {
        var rows = Feeds.Select(f => FeedCorruptor.Corrupt(f, new CorruptionRates(), 5, Latest)).SelectMany(f => f.Rows).ToList();

        Assert.InRange(rows.Count(r => r.Corruptions.Count > 0) / (double)rows.Count, 0.3, 0.5);
    }

    [Fact]
    public void Stripping_leaves_out_every_id_certificate_and_sex_and_nothing_else()
    {
        foreach (var feed in Feeds)
        {
            var stripped = FeedCorruptor.Strip(feed, withoutIds: true, withoutSex: true);

            var gone = feed.Source.Fields.Where(f => f.Attribute is "residentId" or "disabilityCertificate" or "sex").Select(f => f.Column).ToHashSet();
            Assert.All(stripped.Rows.SelectMany(r => r.Values.Where(v => gone.Contains(v.Key))), v => Assert.Null(v.Value));
            Assert.Equal(
                feed.Rows.Select(r => r.Values.Where(v => !gone.Contains(v.Key))),
                stripped.Rows.Select(r => r.Values.Where(v => !gone.Contains(v.Key))));
        }

        Assert.Same(Feeds[0], FeedCorruptor.Strip(Feeds[0], withoutIds: false, withoutSex: false));
    }

    [Fact]
    public void A_rate_outside_0_to_1_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FeedCorruptor.Corrupt(Feeds[0], new CorruptionRates { TypoDeletion = 1.5 }, 5, Latest));
    }

    private static void Check(SampleFeed feed, CorruptionKind kind, List<string> changed, SampleRow before, SampleRow after)
    {
        string? Column(string attribute) => feed.Source.Fields.FirstOrDefault(f => f.Attribute == attribute)?.Column;
        var column = after.Corruptions[0].Column;
        var (was, now) = (before.Values[column], after.Values[column]);
        if (kind != CorruptionKind.NoDivision)
        {
            Assert.Equal([column], changed);
        }

        switch (kind)
        {
            case CorruptionKind.TypoInsertion:
                Assert.Contains(column, new[] { Column("name"), Column("residenceAddress") });
                Assert.Contains(was, Enumerable.Range(0, now!.Length).Select(i => now.Remove(i, 1)));
                break;
            case CorruptionKind.TypoDeletion:
                Assert.Contains(column, new[] { Column("name"), Column("residenceAddress") });
                Assert.Contains(now, Enumerable.Range(0, was!.Length).Select(i => was.Remove(i, 1)));
                break;
            case CorruptionKind.TypoSubstitution:
                Assert.Single(Differences(was!, now!));
                break;
            case CorruptionKind.TypoTransposition:
                var swapped = Differences(was!, now!);
                Assert.Equal(2, swapped.Count);
                Assert.Equal(swapped[0] + 1, swapped[1]);
                Assert.Equal((was![swapped[0]], was[swapped[1]]), (now![swapped[1]], now[swapped[0]]));
                break;
            case CorruptionKind.OcrSubstitution or CorruptionKind.PhoneticSubstitution:
                var at = Assert.Single(Differences(was!, now!));
                Assert.Contains(now![at], kind == CorruptionKind.OcrSubstitution ? LookAlikes.Of(was![at]) : Homophones.Of(was![at]));
                break;
            case CorruptionKind.SwappedDayMonth:
                var (day, month) = (Date(feed, was!), Date(feed, now!));
                Assert.Equal((day.Year, day.Month, day.Day), (month.Year, month.Day, month.Month));
                break;
            case CorruptionKind.BirthDateDigit:
                Assert.Single(Differences(Date(feed, was!).ToString("yyyyMMdd", CultureInfo.InvariantCulture), Date(feed, now!).ToString("yyyyMMdd", CultureInfo.InvariantCulture)));
                Assert.True(Date(feed, now!) <= Latest);
                break;
            case CorruptionKind.SwappedNameOrder:
                Assert.Equal(was![1..] + was[0], now);
                break;
            case CorruptionKind.AbbreviatedAddress:
                Assert.Equal(Column("residenceAddress"), column);
                Assert.True(now!.Length < was!.Length);
                break;
            case CorruptionKind.WrongCommunity:
                Assert.Equal(was![..9], now![..9]);
                Assert.NotEqual(was[9..], now[9..]);
                break;
            case CorruptionKind.MissingValue:
                Assert.Contains(column, new[] { Column("birthDate"), Column("phone"), Column("residenceAddress") });
                Assert.Null(now);
                break;
            case CorruptionKind.NoSex:
                Assert.Equal(Column("sex"), column);
                Assert.Null(now);
                break;
            case CorruptionKind.NoId:
                Assert.Equal(feed.Source.ResidentIdField.Column, column);
                Assert.Null(now);
                break;
            case CorruptionKind.NoDivision:
                string?[] divisions = [Column("residenceDivision"), Column("registrationDivision"), Column("residenceGrid")];
                Assert.All(changed, c => Assert.Contains(c, divisions));
                Assert.All(divisions.OfType<string>(), c => Assert.Null(after.Values[c]));
                break;
            default:
                Assert.Fail($"{kind} is not checked");
                break;
        }
    }

    private static List<int> Differences(string a, string b)
    {
        Assert.Equal(a.Length, b.Length);
        return [.. Enumerable.Range(0, a.Length).Where(i => a[i] != b[i])];
    }

    private static DateOnly Date(SampleFeed feed, string text) =>
        ValueNormaliser.TryDate(text, feed.Source.DateFormats, out var date, out _) ? date : throw new FormatException("not a date");
}
