namespace Hub.Samples;

/// <summary>
/// Gives households the special-group memberships departments record. Rates follow the household's shape (a
/// household caring for a disabled adult child is far more often on 低保 and in public housing), which is what
/// makes the same person turn up in several departments' feeds.
/// </summary>
internal sealed class Entitlements(Random random, DateOnly today, string? focus)
{
    // Beijing's 2024 低保 standard, yuan per person and month; 特困 support is about 1.3 times it.
    private const int DibaoStandard = 1395;

    private static readonly (DisabilityCategory Item, int Weight)[] Categories =
    [
        (DisabilityCategory.Physical, 40), (DisabilityCategory.Hearing, 18), (DisabilityCategory.Visual, 12), (DisabilityCategory.Speech, 2),
        (DisabilityCategory.Intellectual, 8), (DisabilityCategory.Psychosocial, 10), (DisabilityCategory.Multiple, 10),
    ];

    private static readonly (DisabilityCategory Item, int Weight)[] ChildhoodCategories =
    [
        (DisabilityCategory.Intellectual, 35), (DisabilityCategory.Psychosocial, 25), (DisabilityCategory.Physical, 25), (DisabilityCategory.Multiple, 15),
    ];

    private static readonly (int Item, int Weight)[] Grades = [(1, 15), (2, 30), (3, 30), (4, 25)];

    public IReadOnlyList<Person> Assign(HouseholdKind kind, List<Person> members)
    {
        var size = members.Count;
        var onDibao = random.Chance(kind switch
        {
            HouseholdKind.DisabledAdultChild => 0.45,
            HouseholdKind.ElderlyAlone => 0.12,
            HouseholdKind.ElderlyCouple => 0.08,
            HouseholdKind.Family => 0.05,
            _ => 0.04,
        }) || focus == ShippedSources.CivilAffairs;
        var lowIncome = !onDibao && random.Chance(kind == HouseholdKind.DisabledAdultChild ? 0.15 : 0.04);
        Assistance? household = onDibao
            ? Entitlement(AssistanceType.Dibao, DibaoStandard - (random.Next(0, 80) * 10), size)
            : lowIncome ? Entitlement(AssistanceType.LowIncome, random.Next(20, 60) * 10, size) : null;

        var result = new List<Person>(size);
        foreach (var person in members)
        {
            var assistance = new List<Assistance>();
            if (household is not null)
            {
                assistance.Add(household);
            }

            if (kind == HouseholdKind.ElderlyAlone)
            {
                if (!onDibao && random.Chance(0.15))
                {
                    assistance.Add(Entitlement(AssistanceType.ExtremePoverty, random.Next(175, 245) * 10, 1));
                }

                if (person.AgeOn(today) >= 75 && random.Chance(0.55))
                {
                    assistance.Add(Entitlement(AssistanceType.ElderlyAlone, random.Next(10, 31) * 10, 1));
                }
            }

            if (person.AgeOn(today) >= 18 && random.Chance(0.01))
            {
                var from = random.Date(today.AddYears(-1), today.AddDays(-1));
                assistance.Add(new Assistance(AssistanceType.Temporary, random.Next(5, 31) * 100, size, from, from.AddMonths(random.Next(1, 4))));
            }

            var disabled = (kind == HouseholdKind.DisabledAdultChild && person.RelationToHead is Relation.Son or Relation.Daughter)
                || random.Chance(person.AgeOn(today) switch { < 60 => 0.03, < 80 => 0.08, _ => 0.15 })
                || focus == ShippedSources.DisabilityFederation;
            result.Add(person with
            {
                Assistance = assistance,
                Disability = disabled ? Certificate(person, kind, members) : null,
                Tenancy = person.RelationToHead == Relation.Head ? Lease(kind, onDibao, size) : null,
            });
        }

        return result;
    }

    private Assistance Entitlement(AssistanceType type, decimal amount, int size)
    {
        var from = random.Date(new DateOnly(2016, 1, 1), today.AddDays(-60));

        // About one entitlement in seven has ended; the department still lists it with its end date.
        DateOnly? to = random.Chance(0.15) ? Min(from.AddMonths(random.Next(6, 49)), today.AddDays(-1)) : null;
        return new Assistance(type, amount, size, from, to);
    }

    private Disability Certificate(Person person, HouseholdKind kind, List<Person> household)
    {
        var category = random.Pick<DisabilityCategory>(kind == HouseholdKind.DisabledAdultChild && person.RelationToHead is Relation.Son or Relation.Daughter ? ChildhoodCategories : Categories);
        var grade = random.Pick<int>(Grades);
        var issued = random.Date(Max(person.BirthDate, new DateOnly(2012, 1, 1)), today.AddDays(-1));

        // The second-generation certificate number is the ID number followed by the category and grade digits.
        var number = $"{person.ResidentId.Value}{(int)category}{grade}";
        var needsGuardian = category is DisabilityCategory.Intellectual or DisabilityCategory.Psychosocial or DisabilityCategory.Multiple || grade == 1;
        var guardian = needsGuardian ? household.FirstOrDefault(p => p.Number != person.Number && p.AgeOn(today) >= 18 && p.Phone is not null)?.Phone : null;
        return new Disability(category, grade, number, issued, issued.AddYears(10).AddDays(-1), guardian);
    }

    private Tenancy? Lease(HouseholdKind kind, bool onDibao, int size)
    {
        var rate = kind switch
        {
            HouseholdKind.DisabledAdultChild => 0.25,
            HouseholdKind.ElderlyAlone => 0.10,
            HouseholdKind.Family => 0.07,
            _ => 0.08,
        };
        if (!random.Chance(onDibao ? rate * 3 : rate) && focus != ShippedSources.HousingSecurity)
        {
            return null;
        }

        var type = onDibao && random.Chance(0.5) ? HousingType.LowRent : random.Pick<HousingType>(
            [(HousingType.PublicRental, 60), (HousingType.LowRent, 15), (HousingType.AffordableRental, 15), (HousingType.RentSubsidy, 10)]);
        var rent = type switch
        {
            HousingType.LowRent => random.Next(5, 31) * 10,
            HousingType.PublicRental => random.Next(80, 251) * 10,
            _ => random.Next(200, 451) * 10,
        };

        // Contracts run three years; most are current, one in ten ran out and was not renewed.
        var from = random.Chance(0.9) ? random.Date(today.AddYears(-3).AddDays(1), today) : random.Date(new DateOnly(2015, 1, 1), today.AddYears(-4));
        return new Tenancy(type, rent, size, from, from.AddYears(3).AddDays(-1));
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}