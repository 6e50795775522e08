using System.Globalization;
using Hub.Samples.Quality;

namespace Hub.Samples.Tests.Quality;

/// <summary>
/// The figures on a case small enough to work out by hand: five people, a register and a civil-affairs feed, rows
/// taken from clean feeds with some IDs left out and one row of someone else's values.
/// </summary>
public sealed class QualityFiguresTests
{
    private static readonly Population Population = new PopulationGenerator(new PopulationOptions { Seed = 3, People = 600 }).Generate();
    private static readonly FeedWriterOptions Clean = new() { MistakeRate = 0 };
    private static readonly SampleFeed Police = FeedWriter.Compose(Population, ShippedSources.Get(ShippedSources.Police), Clean);
    private static readonly SampleFeed Civil = FeedWriter.Compose(Population, ShippedSources.Get(ShippedSources.CivilAffairs), Clean);

    // A, B and D have one civil-affairs row, C and E none; no two share a household or a surname, so none is a
    // candidate for another.
    private static readonly Person[] People = Pick();
    private static Person A => People[0];
    private static Person B => People[1];
    private static Person D => People[2];
    private static Person C => People[3];
    private static Person E => People[4];

    // The register: A and D with their IDs, B and C without, and a row of A's values that is really E (a clerk
    // filled in the wrong person). Civil affairs: B with an ID, A and D without.
    private static readonly SampleFeed Register = Police with
    {
        Rows = [Row(Police, A, true), Row(Police, B, false), Row(Police, C, false), Row(Police, A, false) with { Person = E }, Row(Police, D, true)],
    };

    private static readonly SampleFeed Assistance = Civil with { Rows = [Row(Civil, A, false), Row(Civil, B, true), Row(Civil, D, false)] };

    [Fact]
    public void The_register_first_finds_every_findable_row_once_matched_again_and_counts_the_wrong_link()
    {
        var report = QualityHarness.Run(new QualityOptions(), Population, [Register, Assistance], ShippedMatchRules.Default);

        // Matched: B, C and E's row in the register, A and D in civil affairs. B's only other record (civil affairs,
        // with its ID) arrives after it, and B is matched again then and joins it. C and E have no other record.
        // E's row takes A's values and is linked to A: the one wrong link.
        Assert.Equal((8, 3, 0, 0), (report.Records, report.KeyedRecords, report.RejectedRecords, report.RepeatedRecords));
        Assert.Equal(new QualityBreakdown("all", 5, 2, 3, 3, 3, 1, 0, 0, 1, 0) { FoundOnArrival = 2 }, report.Totals);
        Assert.Equal(3.0 / 4, report.Precision, 10);
        Assert.Equal(1.0, report.Recall, 10);
        Assert.Equal(1.0, report.Totals.RecallOnArrival, 10);
        Assert.Equal(0, report.QueuePer10000Records);
        Assert.Equal(new QualityBreakdown("source police", 3, 0, 1, 1, 1, 1, 0, 0, 1, 0), report.Breakdown.Single(b => b.Label == "source police"));
        Assert.Equal(new QualityBreakdown("source civil-affairs", 2, 2, 2, 2, 2, 0, 0, 0, 0, 0) { FoundOnArrival = 2 }, report.Breakdown.Single(b => b.Label == "source civil-affairs"));
        Assert.False(report.MeetsTargets);
    }

    [Fact]
    public void The_other_order_finds_the_rows_that_arrived_before_their_person_when_it_arrives()
    {
        var report = QualityHarness.Run(new QualityOptions { AllOrders = true }, Population, [Register, Assistance], ShippedMatchRules.Default);

        // Civil affairs first: A and D arrive before their identified rows and start persons of their own; when the
        // register arrives they are matched again and join them, and B in the register finds B. E's row (A's values)
        // fits A and A's provisional person alike on arrival: a steward decides.
        Assert.Equal(2, report.Orders.Count);
        Assert.Equal(["police", "civil-affairs"], report.Orders[0].Order);
        Assert.Equal(report.Totals, report.Orders[0].Totals);
        var reversed = report.Orders[1];
        Assert.Equal(["civil-affairs", "police"], reversed.Order);
        Assert.Equal(new QualityBreakdown("all", 5, 1, 3, 3, 2, 0, 1, 1, 1, 0) { FoundOnArrival = 1 }, reversed.Totals);
        Assert.Equal(1.0, reversed.Recall, 10);
        Assert.Equal(0, report.OrderSpread!.Value, 10);
    }

    [Fact]
    public void A_row_whose_person_was_queued_beside_another_of_their_records_counts_as_found()
    {
        // A without an ID in both feeds, the civil-affairs row with another birth date (not one typing error away): it cannot be linked
        // automatically and goes to the steward beside A's register row, which is A's only indexed person. The
        // steward sees both records together, so both rows are found, not only the one that was queued.
        var register = Police with { Rows = [Row(Police, A, false)] };
        var assistance = Civil with { Rows = [BornOnAnotherDay(Civil, Row(Civil, A, false))] };

        var report = QualityHarness.Run(new QualityOptions(), Population, [register, assistance], ShippedMatchRules.Default);

        Assert.Equal((2, 0, 0), (report.Totals.Rows, report.Totals.Linked, report.Totals.NewPersons));
        Assert.Equal(2, report.Totals.QueuedWithTruth);
        Assert.Equal((2, 2), (report.Totals.Findable, report.Totals.Found));
        Assert.Equal(1.0, report.Recall, 10);
    }

    [Fact]
    public void A_row_that_repeats_an_earlier_one_of_its_feed_is_refused_as_the_hub_refuses_it()
    {
        var twice = Register with { Rows = [.. Register.Rows, Row(Police, C, false)] };

        var report = QualityHarness.Run(new QualityOptions(), Population, [twice, Assistance], ShippedMatchRules.Default);

        Assert.Equal(1, report.RepeatedRecords);
        Assert.Equal(5, report.Totals.Rows);
    }

    private static SampleRow Row(SampleFeed feed, Person person, bool withId)
    {
        var row = feed.Rows.Single(r => r.Person == person);
        var values = new Dictionary<string, string?>(row.Values, StringComparer.Ordinal);
        if (!withId)
        {
            values[feed.Source.ResidentIdField.Column] = null;
        }

        return row with { Values = values, Mistakes = [] };
    }

    private static SampleRow BornOnAnotherDay(SampleFeed feed, SampleRow row)
    {
        var column = feed.Source.Fields.Single(f => f.Attribute == "birthDate").Column;
        var format = RowComposer.DateFormatOf(feed.Source);
        var values = new Dictionary<string, string?>(row.Values, StringComparer.Ordinal)
        {
            [column] = DateOnly.ParseExact(row.Values[column]!, format, CultureInfo.InvariantCulture).AddYears(-20).AddMonths(-5).AddDays(-11).ToString(format, CultureInfo.InvariantCulture),
        };
        return row with { Values = values };
    }

    private static Person[] Pick()
    {
        var once = Civil.Rows.GroupBy(r => r.Person).Where(g => g.Count() == 1).Select(g => g.Key).ToList();
        var picked = new List<Person>();
        foreach (var person in once.Concat(Population.People.Where(p => Civil.Rows.All(r => r.Person != p))))
        {
            var wanted = picked.Count < 3 ? once.Contains(person) : !once.Contains(person);
            if (wanted && person.TwinOf is null && picked.All(p => p.HouseholdNumber != person.HouseholdNumber && p.Name[0] != person.Name[0]))
            {
                picked.Add(person);
            }

            if (picked.Count == 5)
            {
                break;
            }
        }

        return [.. picked];
    }
}
