using Hub.Core.Feeds;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Identity.Keys;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Samples;
using Microsoft.Extensions.Options;

namespace Hub.Core.Tests.Profiles;

/// <summary>
/// Profiles of a generated population, built from the four departments' feeds exactly as the Hub reads them (the
/// shipped mappings and RecordNormaliser), checked against the population's truth.
/// </summary>
public sealed class SamplePopulationProfileTests
{
    private static readonly PopulationOptions Generated = new() { Seed = 424242, People = 1200 };
    private static readonly DateOnly Today = Generated.ReferenceDate;

    // Mistakes the Hub repairs, so every row is accepted: traditional-character names are real disagreements
    // between departments, and dates and IDs come in every spelling.
    private static readonly FeedWriterOptions Mistakes = new()
    {
        MistakeRate = 0.15,
        Mistakes = new HashSet<MistakeKind>
        {
            MistakeKind.TraditionalCharacters, MistakeKind.SpaceInName, MistakeKind.FullWidthDigits, MistakeKind.LowerCaseX,
            MistakeKind.LegacyFifteenDigitId, MistakeKind.SlashDate, MistakeKind.CompactDate, MistakeKind.ChineseDate,
            MistakeKind.PhoneCountryCode,
        },
    };

    // Each department's feed arrived on a different day, police first.
    private static readonly Dictionary<string, DateTimeOffset> Arrival = new()
    {
        [ShippedSources.Police] = new(2025, 6, 2, 2, 0, 0, TimeSpan.Zero),
        [ShippedSources.CivilAffairs] = new(2025, 6, 9, 2, 0, 0, TimeSpan.Zero),
        [ShippedSources.DisabilityFederation] = new(2025, 6, 16, 2, 0, 0, TimeSpan.Zero),
        [ShippedSources.HousingSecurity] = new(2025, 6, 23, 2, 0, 0, TimeSpan.Zero),
    };

    private static readonly Lazy<World> Built = new(BuildWorld);

    [Fact]
    public void Every_person_is_named_as_the_police_register_names_them_though_other_departments_spell_some_differently()
    {
        var world = Built.Value;
        var overruled = 0;
        foreach (var person in world.Population.People)
        {
            var profile = world.Profiles[person.Number];
            var policeName = world.PoliceNames[person.Number];

            Assert.Equal(policeName, profile.ValueOf("name"));
            Assert.Equal(ShippedSources.Police, profile.Attributes["name"].Provenance.Source);
            overruled += profile.Attributes["name"].HasConflicts ? 1 : 0;
        }

        // The test means something only if some departments disagreed with the register.
        Assert.InRange(overruled, 5, world.Population.People.Count);
    }

    [Fact]
    public void Every_persons_memberships_are_exactly_their_assistance_disability_and_tenancy()
    {
        var world = Built.Value;
        foreach (var person in world.Population.People)
        {
            var expected = Expected(person).Order(StringComparer.Ordinal).ToList();
            var actual = world.Profiles[person.Number].Memberships.Select(Describe).Order(StringComparer.Ordinal).ToList();

            Assert.Equal(expected, actual);
        }

        Assert.Contains(world.Profiles.Values, p => p.Memberships.Count >= 3);
    }

    [Fact]
    public void Every_persons_active_groups_on_the_reference_day_follow_from_the_truth()
    {
        var world = Built.Value;
        foreach (var person in world.Population.People)
        {
            var expected = ExpectedActiveGroups(person, Today).Order(StringComparer.Ordinal).ToList();

            Assert.Equal(expected, world.Profiles[person.Number].GroupsActiveOn(Today).Select(g => g.Value));
        }

        Assert.Contains(world.Population.People, p => p.Assistance.Any(a => a.To < Today));
    }

    [Fact]
    public void Every_person_lives_and_is_registered_where_the_truth_says()
    {
        var world = Built.Value;
        foreach (var person in world.Population.People)
        {
            var profile = world.Profiles[person.Number];

            Assert.Equal(person.Residence.Division, profile.Residence?.Division);
            Assert.Equal(person.Residence.Grid, profile.Residence?.Grid);
            Assert.Equal(person.Registration.Division, profile.Registration?.Division);
            Assert.Equal(person.Registration.Address, profile.Registration?.Address);
        }

        Assert.Contains(world.Population.People, p => p.Moved);
    }

    [Fact]
    public void Every_household_of_the_truth_is_one_household_view_with_the_head_first()
    {
        var world = Built.Value;

        var views = HouseholdView.CreateAll(world.Profiles.Values, Today);

        Assert.Equal(world.Population.Households.Count, views.Count);
        foreach (var household in world.Population.Households)
        {
            var key = world.Profiles[household.Members[0].Number].HouseholdKey;
            var view = Assert.Single(views, v => v.Key == key);
            Assert.Equal(household.Members.Select(m => world.Profiles[m.Number].PersonKey.Value).Order(StringComparer.Ordinal), view.Members.Select(m => m.PersonKey.Value).Order(StringComparer.Ordinal));
            Assert.True(view.Members[0].IsHead);
            Assert.Equal(household.Members.Count(m => Present(m) && m.Assistance.Any(a => a.Type == AssistanceType.Dibao && IsActive(a.From, a.To, Today))), view.DibaoMemberCount);
        }
    }

    [Fact]
    public void Every_persons_status_and_its_date_are_what_the_register_snapshot_says()
    {
        var world = Built.Value;
        foreach (var person in world.Population.People)
        {
            var profile = world.Profiles[person.Number];
            var (status, date) = Reported(person);

            Assert.Equal(status, profile.Status);
            Assert.Equal(date, profile.StatusDate);
            Assert.Equal(date, profile.StatusSince);
        }

        Assert.Contains(world.Population.People, p => p.DiedOn is not null && !p.DeathReportedLater);
        Assert.Contains(world.Population.People, p => p.MovedOutOn is not null);
    }

    [Fact]
    public void A_deceased_persons_memberships_are_not_active_after_the_death_though_their_sources_still_state_them()
    {
        var world = Built.Value;
        var deceased = world.Population.People.Where(p => p.DiedOn is not null && !p.DeathReportedLater).ToList();
        var stillStated = 0;
        foreach (var person in deceased)
        {
            var profile = world.Profiles[person.Number];
            foreach (var membership in profile.Memberships)
            {
                Assert.False(membership.IsActiveOn(person.DiedOn!.Value.AddDays(1)));
                Assert.Equal(membership.IsStatedActiveOn(person.DiedOn!.Value), membership.IsActiveOn(person.DiedOn!.Value));
                stillStated += membership.IsInactiveByDeathOn(person.DiedOn!.Value.AddDays(1)) ? 1 : 0;
            }
        }

        // A benefit runs to the end of the month of a death at least, and some departments never hear of it.
        Assert.InRange(stillStated, 1, int.MaxValue);
    }

    private static (PersonStatus Status, DateOnly? Date) Reported(Person person) =>
        person.DiedOn is { } died && !person.DeathReportedLater ? (PersonStatus.Deceased, died)
        : person.MovedOutOn is { } moved ? (PersonStatus.MovedOut, moved)
        : (PersonStatus.Active, null);

    private static bool Present(Person person) => Reported(person).Status == PersonStatus.Active;

    private static IEnumerable<string> Expected(Person person)
    {
        foreach (var a in person.Assistance)
        {
            yield return $"{GroupOf(a.Type)}|{a.From:yyyy-MM-dd}|{a.To:yyyy-MM-dd}|civil-affairs|{a.MonthlyAmount}";
        }

        if (person.Disability is { } d)
        {
            yield return $"disability|{d.IssuedOn:yyyy-MM-dd}|{d.ValidTo:yyyy-MM-dd}|disability-federation|{d.Category.ToString().ToLowerInvariant()}/{d.Grade}";
        }

        if (person.Tenancy is { } t)
        {
            var group = t.Type == HousingType.RentSubsidy ? "rent-subsidy" : "public-housing";
            yield return $"{group}|{t.From:yyyy-MM-dd}|{t.To:yyyy-MM-dd}|housing-security|{t.MonthlyRent}";
        }
    }

    private static string Describe(Membership m) => m.Group.Value switch
    {
        "disability" => $"{m.Group}|{m.ValidFrom:yyyy-MM-dd}|{m.ValidTo:yyyy-MM-dd}|{m.Source}|{m.Details["disabilityCategory"]}/{m.Details["disabilityGrade"]}",
        "public-housing" or "rent-subsidy" => $"{m.Group}|{m.ValidFrom:yyyy-MM-dd}|{m.ValidTo:yyyy-MM-dd}|{m.Source}|{m.Details["monthlyRent"]}",
        _ => $"{m.Group}|{m.ValidFrom:yyyy-MM-dd}|{m.ValidTo:yyyy-MM-dd}|{m.Source}|{m.Details["assistanceAmount"]}",
    };

    private static IEnumerable<string> ExpectedActiveGroups(Person person, DateOnly day)
    {
        // The register's death ends every membership from the next day, whatever the departments still state.
        if (Reported(person) is (PersonStatus.Deceased, { } died) && died < day)
        {
            return [];
        }

        var groups = person.Assistance.Where(a => IsActive(a.From, a.To, day)).Select(a => GroupOf(a.Type)).ToList();
        if (person.Disability is { } d && IsActive(d.IssuedOn, d.ValidTo, day))
        {
            groups.Add("disability");
        }

        if (person.Tenancy is { } t && IsActive(t.From, t.To, day))
        {
            groups.Add(t.Type == HousingType.RentSubsidy ? "rent-subsidy" : "public-housing");
        }

        return groups.Distinct();
    }

    private static bool IsActive(DateOnly from, DateOnly? to, DateOnly day) => from <= day && (to is null || to >= day);

    private static string GroupOf(AssistanceType type) => type switch
    {
        AssistanceType.Dibao => "dibao",
        AssistanceType.LowIncome => "low-income",
        AssistanceType.ExtremePoverty => "extreme-poverty",
        AssistanceType.ElderlyAlone => "elderly-alone",
        _ => "temporary-assistance",
    };

    private static World BuildWorld()
    {
        var population = new PopulationGenerator(Generated).Generate();
        var hasher = new PersonKeyHasher(Options.Create(new PersonKeyOptions { Pepper = Convert.ToBase64String(ShippedRules.Pepper) }));
        var facts = new Dictionary<int, List<FactView>>();
        var policeNames = new Dictionary<int, string>();
        var keys = new Dictionary<int, PersonKey>();
        foreach (var source in ShippedSources.Ids)
        {
            var mapping = ShippedSources.Get(source);
            var normaliser = new RecordNormaliser(mapping, Today);
            foreach (var row in FeedWriter.Compose(population, mapping, Mistakes).Rows)
            {
                Assert.True(normaliser.TryNormalise(new FeedRow(row.Index + 1, row.Values), out var record, out _), $"{source} row {row.Index} was rejected");
                var number = row.Person.Number;
                keys[number] = hasher.Hash(record!.ResidentId!.Value);
                (facts.TryGetValue(number, out var list) ? list : facts[number] = []).Add(
                    new FactView(source, record.Discriminator, record.Attributes, $"{source}-1", Arrival[source], EndedAt: null));
                if (source == ShippedSources.Police)
                {
                    policeNames[number] = record.Attributes["name"];
                }
            }
        }

        var builder = ShippedRules.Builder();
        var profiles = population.People.ToDictionary(p => p.Number, p => builder.Build(keys[p.Number], facts[p.Number], Today));
        return new World(population, profiles, policeNames);
    }

    private sealed record World(Population Population, IReadOnlyDictionary<int, PersonProfile> Profiles, IReadOnlyDictionary<int, string> PoliceNames);
}
