using System.Globalization;
using Hub.Core.Kernel;

namespace Hub.Samples;

/// <summary>Draws households one after another from one seeded <see cref="Random"/>: shape, places, people.</summary>
internal sealed class HouseholdBuilder
{
    private static readonly (HouseholdKind Item, int Weight)[] Kinds =
    [
        (HouseholdKind.ElderlyAlone, 14), (HouseholdKind.ElderlyCouple, 14), (HouseholdKind.SingleAdult, 14),
        (HouseholdKind.Family, 52), (HouseholdKind.DisabledAdultChild, 6),
    ];

    private static readonly (string Item, int Weight)[] Ethnicities = [("汉族", 92), ("回族", 3), ("满族", 3), ("蒙古族", 1), ("朝鲜族", 1)];

    internal static readonly string[] MobilePrefixes =
    [
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "158", "159",
        "176", "177", "180", "181", "185", "186", "187", "188", "189", "198", "199",
    ];

    private readonly Random _random;
    private readonly DateOnly _today;
    private readonly double _twinRate;
    private readonly ResidentIdIssuer _ids;
    private readonly Entitlements _entitlements;
    private readonly LifeEvents _events;
    private int _people;
    private int _households;

    public HouseholdBuilder(PopulationOptions options)
    {
        _random = new Random(options.Seed);
        _today = options.ReferenceDate;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TwinRate, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.TwinRate, 1.0);
        _twinRate = options.TwinRate;
        _ids = new ResidentIdIssuer(_random);
        _entitlements = new Entitlements(_random, _today, options.Focus);
        _events = new LifeEvents(options.Seed, _today);
    }

    /// <summary>The next household, with at most <paramref name="room"/> members.</summary>
    public Household Next(int room)
    {
        var kind = _random.Pick<HouseholdKind>(room >= 2 ? Kinds : Kinds.Where(k => k.Item is HouseholdKind.ElderlyAlone or HouseholdKind.SingleAdult).ToArray());
        var residence = Places.Draw(_random, _random.Pick(Places.Home));
        var registration = residence;
        if (_random.Chance(0.03))
        {
            registration = Places.Draw(_random, _random.Pick(Places.Elsewhere));
        }
        else if (_random.Chance(0.10))
        {
            while (registration.Division == residence.Division)
            {
                registration = Places.Draw(_random, _random.Pick(Places.Home));
            }
        }

        var number = string.Create(CultureInfo.InvariantCulture, $"{registration.Division.County[4..]}{++_households:D7}");
        var sketches = SketchMembers(kind, room);
        var people = new List<Person>(sketches.Count);
        foreach (var sketch in sketches)
        {
            people.Add(Create(sketch, number, registration, residence, people));
        }

        return new Household(number, kind, _entitlements.Assign(kind, people).Select(_events.Apply).ToList());
    }

    private List<Sketch> SketchMembers(HouseholdKind kind, int room)
    {
        var members = new List<Sketch>();
        switch (kind)
        {
            case HouseholdKind.ElderlyAlone:
                members.Add(Member(Relation.Head, _random.Chance(0.62) ? Sex.Female : Sex.Male, _random.Next(70, 96), Names.Surname(_random)));
                break;
            case HouseholdKind.SingleAdult:
                members.Add(Member(Relation.Head, _random.Chance(0.5) ? Sex.Female : Sex.Male, _random.Next(22, 56), Names.Surname(_random)));
                break;
            case HouseholdKind.ElderlyCouple:
                var elder = Member(Relation.Head, Sex.Male, _random.Next(66, 91), Names.Surname(_random));
                members.Add(elder);
                members.Add(Member(Relation.Spouse, Sex.Female, Math.Max(60, elder.Age + _random.Next(-6, 3)), Names.Surname(_random)));
                if (room >= 3 && _random.Chance(0.10))
                {
                    var sex = _random.Chance(0.5) ? Sex.Female : Sex.Male;
                    members.Add(Member(sex == Sex.Male ? Relation.Grandson : Relation.Granddaughter, sex, _random.Next(6, 17), elder.Surname));
                }

                break;
            case HouseholdKind.DisabledAdultChild:
                var parent = Member(Relation.Head, Sex.Male, _random.Next(58, 86), Names.Surname(_random));
                members.Add(parent);
                if (room >= 3 && _random.Chance(0.75))
                {
                    members.Add(Member(Relation.Spouse, Sex.Female, parent.Age + _random.Next(-5, 2), Names.Surname(_random)));
                }

                var childSex = _random.Chance(0.5) ? Sex.Female : Sex.Male;
                members.Add(Member(childSex == Sex.Male ? Relation.Son : Relation.Daughter, childSex, _random.Next(22, Math.Min(parent.Age - 20, 50) + 1), parent.Surname));
                break;
            default:
                SketchFamily(members, room);
                break;
        }

        return members;
    }

    private void SketchFamily(List<Sketch> members, int room)
    {
        var head = Member(Relation.Head, _random.Chance(0.8) ? Sex.Male : Sex.Female, _random.Next(28, 61), Names.Surname(_random));
        members.Add(head);
        var father = head;
        if (room > members.Count && _random.Chance(0.88))
        {
            var spouse = Member(Relation.Spouse, head.Sex == Sex.Male ? Sex.Female : Sex.Male, Math.Max(22, head.Age + _random.Next(-4, 5)), Names.Surname(_random));
            members.Add(spouse);
            father = spouse.Sex == Sex.Male ? spouse : head;
        }

        var children = Math.Min(_random.Pick<int>([(0, 20), (1, 50), (2, 30)]), room - members.Count);
        var twins = children == 2 && _random.Chance(_twinRate);
        for (var i = 0; i < children; i++)
        {
            var sex = _random.Chance(0.5) ? Sex.Female : Sex.Male;
            var relation = sex == Sex.Male ? Relation.Son : Relation.Daughter;
            var child = twins && i == 1
                ? members[^1] with { Relation = relation, Sex = sex, TwinOfPrevious = true }
                : Member(relation, sex, _random.Next(0, Math.Min(head.Age - 22, 30) + 1), father.Surname);
            members.Add(child);
        }

        if (room > members.Count && _random.Chance(0.10))
        {
            var sex = _random.Chance(0.5) ? Sex.Female : Sex.Male;
            members.Add(Member(sex == Sex.Male ? Relation.Father : Relation.Mother, sex, Math.Min(98, head.Age + _random.Next(22, 36)), sex == Sex.Male ? head.Surname : Names.Surname(_random)));
        }
    }

    private Sketch Member(Relation relation, Sex sex, int age, string surname)
    {
        var birth = _today.AddYears(-age).AddDays(-_random.Next(365));
        return new Sketch(relation, sex, age, birth, surname, TwinOfPrevious: false);
    }

    private Person Create(Sketch sketch, string household, Place registration, Place residence, List<Person> earlier)
    {
        var twin = sketch.TwinOfPrevious ? earlier[^1] : null;

        // The address code is where the person was first registered: usually here, sometimes a birthplace elsewhere.
        var idCounty = twin?.ResidentId.AddressCode
            ?? (Places.Home.Any(c => c.Code == registration.Division.County) && _random.Chance(0.15) ? _random.Pick(Places.Birthplaces) : registration.Division.County);
        var id = _ids.Issue(idCounty, sketch.BirthDate, sketch.Sex);
        var name = sketch.Surname + Names.Given(_random, sketch.Sex, sketch.BirthDate.Year);
        while (twin is not null && name == twin.Name)
        {
            name = sketch.Surname + Names.Given(_random, sketch.Sex, sketch.BirthDate.Year);
        }

        var formerName = sketch.Age >= 18 && _random.Chance(0.01) ? sketch.Surname + Names.Given(_random, sketch.Sex, sketch.BirthDate.Year) : null;
        var moved = registration.Division != residence.Division;
        var registeredSince = Max(sketch.BirthDate, moved ? _today.AddYears(-8) : new DateOnly(1985, 1, 1));
        return new Person
        {
            Number = ++_people,
            ResidentId = id,
            Name = name,
            FormerName = formerName == name ? null : formerName,
            Sex = sketch.Sex,
            BirthDate = sketch.BirthDate,
            Ethnicity = twin?.Ethnicity ?? (earlier.Count > 0 && _random.Chance(0.8) ? earlier[0].Ethnicity : _random.Pick<string>(Ethnicities)),
            Phone = Phone(sketch.Age, Places.CountyOf(residence.Division).AreaCode),
            HouseholdNumber = household,
            RelationToHead = sketch.Relation,
            Registration = registration,
            Residence = residence,
            RegisteredOn = _random.Date(registeredSince, Max(registeredSince, _today.AddDays(-30))),
            TwinOf = twin?.Number,
        };
    }

    private string? Phone(int age, string areaCode)
    {
        if (age < 16)
        {
            return null;
        }

        // Many older people keep only a landline, and some have no phone at all.
        var roll = _random.NextDouble();
        if (age >= 70)
        {
            return roll < 0.55 ? Mobile() : roll < 0.80 ? $"{areaCode}-{_random.Next(6, 9)}{_random.Digits(7)}" : null;
        }

        return roll < 0.96 ? Mobile() : null;
    }

    private string Mobile() => _random.Pick(MobilePrefixes) + _random.Digits(8);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private sealed record Sketch(Relation Relation, Sex Sex, int Age, DateOnly BirthDate, string Surname, bool TwinOfPrevious);
}