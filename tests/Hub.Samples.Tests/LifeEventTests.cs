namespace Hub.Samples.Tests;

public sealed class LifeEventTests
{
    private static readonly PopulationOptions Options = new() { Seed = 20250630, People = 6000 };
    private static readonly Population Population = new PopulationGenerator(Options).Generate();
    private static readonly DateOnly Today = Options.ReferenceDate;

    [Fact]
    public void A_small_share_dies_or_moves_out_and_the_same_seed_picks_the_same_people()
    {
        var again = new PopulationGenerator(Options).Generate();

        var died = Population.People.Where(p => p.DiedOn is not null).ToList();
        var moved = Population.People.Where(p => p.MovedOutOn is not null).ToList();

        Assert.InRange(died.Count, Population.People.Count / 200, Population.People.Count / 40);
        Assert.InRange(moved.Count, Population.People.Count / 400, Population.People.Count / 50);
        Assert.Empty(died.Intersect(moved));
        Assert.Equal(died.Select(p => (p.Number, p.DiedOn)), again.People.Where(p => p.DiedOn is not null).Select(p => (p.Number, p.DiedOn)));
        Assert.Equal(moved.Select(p => (p.Number, p.MovedOutOn)), again.People.Where(p => p.MovedOutOn is not null).Select(p => (p.Number, p.MovedOutOn)));
    }

    [Fact]
    public void Nobody_dies_or_leaves_before_a_record_of_theirs_began_nor_after_the_reference_date()
    {
        foreach (var person in Population.People.Where(p => p.DiedOn is not null || p.MovedOutOn is not null))
        {
            var day = person.DiedOn ?? person.MovedOutOn!.Value;
            Assert.InRange(day, Today.AddYears(-3), Today.AddDays(-1));
            Assert.All(person.Assistance, a => Assert.True(a.From < day, $"{person}: assistance from {a.From} after {day}"));
            Assert.True(person.Disability is null || person.Disability.IssuedOn < day);
            Assert.True(person.Tenancy is null || person.Tenancy.From < day);
        }
    }

    [Fact]
    public void Civil_affairs_ends_most_benefits_at_the_end_of_the_month_of_a_death_and_some_run_on()
    {
        var deaths = Population.People.Where(p => p.DiedOn is not null && !p.DeathReportedLater && p.Assistance.Any(a => a.From < p.DiedOn)).ToList();

        bool RunsOn(Person p) => p.Assistance.Any(a => a.To is null || a.To > MonthEnd(p.DiedOn!.Value));
        Assert.Contains(deaths, p => !RunsOn(p));
        Assert.Contains(Population.People, p => p.DiedOn is not null && (p.Disability is not null || p.Tenancy is not null || RunsOn(p)));
    }

    [Fact]
    public void The_police_delta_reports_later_deaths_of_dibao_recipients_whose_benefit_still_runs()
    {
        var delta = FeedWriter.ComposePoliceDelta(Population);
        var snapshot = FeedWriter.Compose(Population, ShippedSources.Get(ShippedSources.Police), new FeedWriterOptions { MistakeRate = 0 });

        Assert.NotEmpty(delta.Rows);
        Assert.Equal(snapshot.Columns, delta.Columns);
        foreach (var row in delta.Rows)
        {
            var person = row.Person;
            Assert.True(person.DeathReportedLater);
            Assert.InRange(person.DiedOn!.Value, Today.AddDays(-13), Today.AddDays(-1));
            Assert.Contains(person.Assistance, a => a.Type == AssistanceType.Dibao && a.From <= Today && (a.To is null || a.To >= Today));
            Assert.Equal(("死亡", person.DiedOn.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), (row.Values["人员状态"], row.Values["死亡日期"]));
            var before = Assert.Single(snapshot.Rows, r => r.Person.Number == person.Number);
            Assert.Equal(("正常", null), (before.Values["人员状态"], before.Values["死亡日期"]));
        }
    }

    [Fact]
    public void The_police_snapshot_states_the_deaths_and_moves_it_knows_of_with_their_dates()
    {
        var snapshot = FeedWriter.Compose(Population, ShippedSources.Get(ShippedSources.Police), new FeedWriterOptions { MistakeRate = 0 });

        var deceased = snapshot.Rows.Where(r => r.Values["人员状态"] == "死亡").ToList();
        var moved = snapshot.Rows.Where(r => r.Values["人员状态"] == "迁出").ToList();

        Assert.Equal(Population.People.Count(p => p.DiedOn is not null && !p.DeathReportedLater), deceased.Count);
        Assert.Equal(Population.People.Count(p => p.MovedOutOn is not null), moved.Count);
        Assert.All(deceased, r => Assert.Equal(r.Person.DiedOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.Values["死亡日期"]));
        Assert.All(moved, r => Assert.Equal(r.Person.MovedOutOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.Values["迁出日期"]));
    }

    [Fact]
    public void Some_certificates_and_leases_lapse_around_the_reference_date()
    {
        var window = (From: Today.AddDays(-60), To: Today.AddDays(60));

        var certificates = Population.People.Where(p => p.Disability?.ValidTo >= window.From && p.Disability.ValidTo <= window.To).ToList();
        var leases = Population.People.Where(p => p.Tenancy?.To >= window.From && p.Tenancy.To <= window.To).ToList();

        Assert.Contains(certificates, p => p.Disability!.ValidTo < Today);
        Assert.Contains(certificates, p => p.Disability!.ValidTo >= Today);
        Assert.Contains(leases, p => p.Tenancy!.To < Today);
        Assert.Contains(leases, p => p.Tenancy!.To >= Today);
        Assert.All(certificates, p => Assert.Equal(p.Disability!.IssuedOn.AddYears(10).AddDays(-1), p.Disability.ValidTo));
        Assert.All(leases, p => Assert.Equal(p.Tenancy!.From.AddYears(3).AddDays(-1), p.Tenancy.To));
    }

    private static DateOnly MonthEnd(DateOnly day) => new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1);
}
