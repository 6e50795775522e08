using System.Globalization;
using Hub.Core.Kernel;

namespace Hub.Samples.Tests;

public sealed class PopulationGeneratorTests
{
    private static readonly Population Population = new PopulationGenerator(new PopulationOptions { Seed = 11, People = 4000 }).Generate();
    private static readonly string[] HomeCounties = ["110105", "110108"];

    [Fact]
    public void The_population_has_exactly_the_requested_number_of_people()
    {
        Assert.Equal(4000, Population.People.Count);
        Assert.Equal(Enumerable.Range(1, 4000), Population.People.Select(p => p.Number));
        Assert.Equal(4000, Population.Households.Sum(h => h.Members.Count));
    }

    [Fact]
    public void Every_generated_id_number_is_valid_on_the_reference_date_unique_and_agrees_with_birth_date_and_sex()
    {
        foreach (var person in Population.People)
        {
            // As a feed received on the reference date checks it: check character, address code, no birth after it.
            Assert.True(ResidentId.TryParse(person.ResidentId.Value, Population.Options.ReferenceDate, out var id, out var reason), reason);
            Assert.Equal(person.BirthDate, id.Value.BirthDate);
            Assert.Equal(person.Sex, id.Value.Sex);
        }

        Assert.Equal(Population.People.Count, Population.People.Select(p => p.ResidentId).Distinct().Count());
    }

    [Fact]
    public void Every_county_the_generator_can_put_in_an_id_number_is_a_division_of_gb_t_2260()
    {
        var counties = Places.Home.Concat(Places.Elsewhere).Select(c => c.Code).Concat(Places.Birthplaces).ToList();

        Assert.NotEmpty(counties);
        Assert.All(counties, code => Assert.True(AddressCodes.Contains(code), $"{code} is not a GB/T 2260 division"));
    }

    [Fact]
    public void Divisions_are_communities_of_a_few_districts_and_grids_look_like_G07()
    {
        foreach (var person in Population.People)
        {
            Assert.Contains(person.Residence.Division.County, HomeCounties);
            Assert.InRange(int.Parse(person.Residence.Division.Value[6..9], CultureInfo.InvariantCulture), 1, 99);
            Assert.InRange(int.Parse(person.Residence.Division.Value[9..], CultureInfo.InvariantCulture), 1, 199);
            Assert.Matches("^G[0-9]{2}$", person.Residence.Grid);
        }
    }

    [Fact]
    public void Members_of_a_household_share_its_number_and_the_head_comes_first()
    {
        foreach (var household in Population.Households)
        {
            Assert.All(household.Members, m => Assert.Equal(household.Number, m.HouseholdNumber));
            Assert.Equal(Relation.Head, household.Members[0].RelationToHead);
            Assert.Single(household.Members, m => m.RelationToHead == Relation.Head);
        }

        Assert.Equal(Population.Households.Count, Population.Households.Select(h => h.Number).Distinct().Count());
    }

    [Fact]
    public void The_population_holds_the_cases_identity_resolution_must_handle()
    {
        var today = Population.Options.ReferenceDate;
        Assert.Contains(Population.Households, h => h.Kind == HouseholdKind.ElderlyAlone && h.Members[0].AgeOn(today) >= 70);
        Assert.Contains(Population.Households, h => h.Kind == HouseholdKind.DisabledAdultChild
            && h.Members.Any(m => m.RelationToHead is Relation.Son or Relation.Daughter && m.AgeOn(today) >= 18 && m.Disability is not null));

        var twins = Population.People.Where(p => p.TwinOf is not null).ToList();
        Assert.NotEmpty(twins);
        Assert.All(twins, t =>
        {
            var sibling = Population[t.TwinOf!.Value];
            Assert.Equal(sibling.BirthDate, t.BirthDate);
            Assert.Equal(sibling.Residence, t.Residence);
            Assert.NotEqual(sibling.Name, t.Name);
        });

        Assert.Contains(Population.People, p => p.Moved);
        Assert.Contains(Population.People.GroupBy(p => p.Name), g => g.Count() > 1);
    }

    [Fact]
    public void Every_special_group_is_represented_with_plausible_dates()
    {
        var today = Population.Options.ReferenceDate;
        var assistance = Population.People.SelectMany(p => p.Assistance).ToList();
        Assert.All(Enum.GetValues<AssistanceType>(), type => Assert.Contains(assistance, a => a.Type == type));
        Assert.All(assistance, a => Assert.True(a.To is null || a.To > a.From));
        Assert.All(assistance, a => Assert.True(a.From <= today));

        var disabilities = Population.People.Select(p => p.Disability).OfType<Disability>().ToList();
        Assert.Equal([1, 2, 3, 4], disabilities.Select(d => d.Grade).Distinct().Order());
        Assert.All(disabilities, d => Assert.True(d.ValidTo > d.IssuedOn));

        var tenancies = Population.People.Select(p => p.Tenancy).OfType<Tenancy>().ToList();
        Assert.NotEmpty(tenancies);
        Assert.All(tenancies, t => Assert.True(t.To > t.From));
    }

    [Fact]
    public void The_same_seed_gives_the_same_people_and_another_seed_does_not()
    {
        var again = new PopulationGenerator(new PopulationOptions { Seed = 11, People = 4000 }).Generate();
        var other = new PopulationGenerator(new PopulationOptions { Seed = 12, People = 4000 }).Generate();

        Assert.Equal(Population.People, again.People, PersonComparer.Instance);
        Assert.NotEqual(Population.People.Select(p => p.ResidentId), other.People.Select(p => p.ResidentId));
    }

    private sealed class PersonComparer : IEqualityComparer<Person>
    {
        public static readonly PersonComparer Instance = new();

        // Records compare lists by reference; compare what a feed would show instead.
        public bool Equals(Person? x, Person? y) =>
            x is not null && y is not null
            && x with { Assistance = [] } == y with { Assistance = [] }
            && x.Assistance.SequenceEqual(y.Assistance);

        public int GetHashCode(Person obj) => obj.Number;
    }
}
