using Hub.Core.Kernel;

namespace Hub.Samples.Tests;

/// <summary>The hard cases person matching is measured on: unusable IDs, stale snapshots, twins.</summary>
public sealed class HardCaseTests
{
    private static readonly MistakeKind[] IdProblems =
        [MistakeKind.MissingId, MistakeKind.ScientificNotation, MistakeKind.MistypedIdDigit, MistakeKind.WrongCheckCharacter, MistakeKind.DroppedCheckCharacter];

    private static readonly Population Population = new PopulationGenerator(new PopulationOptions { Seed = 5, People = 4000, TwinRate = 0.25 }).Generate();

    private static readonly FeedWriterOptions Hard = new() { MistakeRate = 0.05, IdProblemRate = 0.1, StaleResidenceRate = 0.2, StalePhoneRate = 0.2 };

    [Fact]
    public void Id_problems_leave_about_the_configured_share_of_rows_without_a_usable_id()
    {
        foreach (var source in ShippedSources.Ids)
        {
            var mapping = HubReading.Mapping(source);
            var feed = FeedWriter.Compose(Population, mapping, Hard with { MistakeRate = 0 });
            var column = mapping.ResidentIdField.Column;
            var withProblem = feed.Rows.Where(r => r.Mistakes.Any(m => IdProblems.Contains(m.Kind) && m.Column == column)).ToList();

            Assert.Equal((int)Math.Round(0.1 * feed.Rows.Count, MidpointRounding.AwayFromZero), withProblem.Count);
            Assert.All(withProblem, r => Assert.False(ResidentId.TryParse(r.Values[column], out _, out _)));
            Assert.All(withProblem, r => Assert.True(r.Rejected));
        }
    }

    [Fact]
    public void Every_id_problem_occurs_and_can_come_with_a_second_mistake()
    {
        var rows = ShippedSources.Ids.SelectMany(s => FeedWriter.Compose(Population, HubReading.Mapping(s), Hard).Rows).ToList();

        Assert.Equal(IdProblems.ToHashSet(), rows.SelectMany(r => r.Mistakes).Select(m => m.Kind).Where(IdProblems.Contains).ToHashSet());
        Assert.Contains(rows, r => r.Mistakes.Any(m => IdProblems.Contains(m.Kind)) && r.Mistakes.Any(m => m.Kind == MistakeKind.TraditionalCharacters));
        Assert.Contains(rows, r => r.Mistakes.Any(m => IdProblems.Contains(m.Kind)) && r.Mistakes.Any(m => m.Kind == MistakeKind.PreviousResidence));
    }

    [Fact]
    public void Each_id_problem_looks_as_it_does_in_real_exports()
    {
        foreach (var source in ShippedSources.Ids)
        {
            var mapping = HubReading.Mapping(source);
            var column = mapping.ResidentIdField.Column;
            foreach (var row in FeedWriter.Compose(Population, mapping, Hard).Rows)
            {
                var truth = row.Person.ResidentId.Value;
                var cell = row.Values[column];
                switch (row.Mistakes.SingleOrDefault(m => IdProblems.Contains(m.Kind))?.Kind)
                {
                    case MistakeKind.MissingId:
                        Assert.Null(cell);
                        break;
                    case MistakeKind.DroppedCheckCharacter:
                        Assert.Equal(truth[..17], cell);
                        break;
                    case MistakeKind.WrongCheckCharacter:
                        Assert.Equal(truth[..17], cell![..17]);
                        Assert.NotEqual(truth[17], cell[17]);
                        break;
                    case MistakeKind.MistypedIdDigit:
                        Assert.Equal(truth[17], cell![17]);
                        var differences = Enumerable.Range(0, 17).Where(i => cell[i] != truth[i]).ToList();
                        Assert.True(differences.Count == 1 || (differences.Count == 2 && differences[1] == differences[0] + 1 && cell[differences[0]] == truth[differences[1]]));
                        break;
                    case MistakeKind.ScientificNotation:
                        Assert.Matches(@"^\d\.\d{0,5}E\+17$", cell);
                        break;
                }
            }
        }
    }

    [Fact]
    public void A_stale_record_shows_a_previous_residence_the_same_in_every_feed_and_row()
    {
        var previous = new Dictionary<int, HashSet<string>>();
        foreach (var source in ShippedSources.Ids.Where(s => s != ShippedSources.Police))
        {
            var mapping = HubReading.Mapping(source);
            var column = mapping.Fields.Single(f => f.Attribute == "residenceDivision").Column;
            var feed = FeedWriter.Compose(Population, mapping, Hard);
            var stale = feed.Rows.Where(r => r.Mistakes.Any(m => m.Kind == MistakeKind.PreviousResidence)).ToList();

            Assert.InRange(stale.Count, (int)(0.1 * feed.Rows.Count), (int)(0.3 * feed.Rows.Count));
            Assert.All(stale, r => Assert.NotEqual(r.Person.Residence.Division.Value, r.Values[column]));
            Assert.All(feed.Rows.Except(stale), r => Assert.Equal(r.Person.Residence.Division.Value, r.Values[column]));
            foreach (var row in stale)
            {
                (previous.TryGetValue(row.Person.Number, out var seen) ? seen : previous[row.Person.Number] = []).Add(row.Values[column]!);
            }
        }

        Assert.Contains(previous.Values, v => v.Count == 1);
        Assert.All(previous.Values, v => Assert.Single(v));
    }

    [Fact]
    public void A_stale_record_shows_a_previous_phone()
    {
        var mapping = HubReading.Mapping(ShippedSources.CivilAffairs);
        var column = mapping.Fields.Single(f => f.Attribute == "phone").Column;

        var stale = FeedWriter.Compose(Population, mapping, Hard).Rows.Where(r => r.Mistakes.Any(m => m.Kind == MistakeKind.PreviousPhone)).ToList();

        Assert.NotEmpty(stale);
        Assert.All(stale, r => Assert.NotEqual(r.Person.Phone, r.Values[column]?.Replace("+86", string.Empty, StringComparison.Ordinal).Trim()));
        Assert.All(stale, r => Assert.NotNull(r.Person.Phone));
    }

    [Fact]
    public void Without_the_hard_case_rates_feeds_are_what_they_were()
    {
        foreach (var source in ShippedSources.Ids)
        {
            var rows = FeedWriter.Compose(Population, HubReading.Mapping(source)).Rows;

            Assert.DoesNotContain(rows, r => r.Mistakes.Count > 1);
            Assert.DoesNotContain(rows, r => r.Mistakes.Any(m => m.Kind is MistakeKind.PreviousResidence or MistakeKind.PreviousPhone));
        }
    }

    [Fact]
    public void Traditional_names_come_at_their_own_rate_on_top_of_other_mistakes()
    {
        var mapping = HubReading.Mapping(ShippedSources.CivilAffairs);
        var feed = FeedWriter.Compose(Population, mapping, new FeedWriterOptions { MistakeRate = 0, TraditionalNameRate = 0.2, IdProblemRate = 0.1 });
        var traditional = feed.Rows.Where(r => r.Mistakes.Any(m => m.Kind == MistakeKind.TraditionalCharacters)).ToList();

        Assert.InRange(traditional.Count, 0.08 * feed.Rows.Count, 0.2 * feed.Rows.Count);
        Assert.All(traditional, r => Assert.NotEqual(r.Person.Name, r.Values["姓名"]));
        Assert.All(feed.Rows.Except(traditional), r => Assert.Equal(r.Person.Name, r.Values["姓名"]));
        Assert.Contains(traditional, r => r.Mistakes.Any(m => m.Kind == MistakeKind.MissingId));
    }

    [Fact]
    public void A_department_can_leave_people_out_of_its_export()
    {
        var mapping = HubReading.Mapping(ShippedSources.Police);

        var all = FeedWriter.Compose(Population, mapping).Rows.Select(r => r.Person.Number).ToHashSet();
        var partial = FeedWriter.Compose(Population, mapping, new FeedWriterOptions { OmittedPeopleRate = 0.05 }).Rows.Select(r => r.Person.Number).ToHashSet();
        var again = FeedWriter.Compose(Population, mapping, new FeedWriterOptions { OmittedPeopleRate = 0.05 }).Rows.Select(r => r.Person.Number).ToHashSet();

        Assert.Equal(Population.People.Count, all.Count);
        Assert.InRange(all.Count - partial.Count, 0.03 * all.Count, 0.07 * all.Count);
        Assert.Subset(all, partial);
        Assert.Equal(partial, again);
    }

    [Fact]
    public void A_higher_twin_rate_gives_more_twins_without_changing_anyone_else()
    {
        var usual = new PopulationGenerator(new PopulationOptions { Seed = 5, People = 4000 }).Generate();

        Assert.True(Population.People.Count(p => p.TwinOf is not null) > 2 * usual.People.Count(p => p.TwinOf is not null));
        Assert.Equal(usual.People[0].ResidentId, Population.People[0].ResidentId);
    }
}
