namespace Hub.Samples;

/// <summary>
/// Gives a small share of people the events that change what departments hold about them: deaths, moves out of the
/// area, and disability certificates and leases that lapse or are about to. Each is drawn per person from a seed of
/// its own (<see cref="SeedMixer"/>), never from the household draw, so everything else about the population (and
/// every figure measured on it) stays as the seed drew it.
/// </summary>
internal sealed class LifeEvents(int seed, DateOnly today)
{
    /// <summary>How far the police register's snapshot lags: a death in the last two weeks reaches the Hub in a later delta.</summary>
    public const int ReportingLagDays = 14;

    private const int DeathPurpose = 0x0DEA;
    private const int MovePurpose = 0x30FE;
    private const int LapsePurpose = 0x1A95;

    // Deaths the register recorded over the three years the samples cover, by age: a small share, most of them old.
    private const double DeathRateFrom80 = 0.05;
    private const double DeathRateFrom65 = 0.02;
    private const double DeathRateBelow65 = 0.003;

    // 低保 recipients who died after the register's snapshot: the case a police delta must reach the street office with.
    private const double LateDeathRateOnDibao = 0.04;

    private const double MoveRate = 0.01;

    // Civil affairs usually ends a benefit at the end of the month of a death or move out; the rest still runs,
    // which is the contradiction cross-department checks exist for.
    private const double EndedAtDeath = 0.85;
    private const double EndedAtMove = 0.7;

    // Certificates and leases ending within two months either side of the reference date: lapsed or about to.
    private const double LapseRate = 0.05;
    private const int LapseWindowDays = 60;

    public Person Apply(Person person)
    {
        person = Lapse(person);
        var random = new Random(SeedMixer.Mix(seed, person.Number, DeathPurpose));
        var age = person.AgeOn(today);
        var onDibao = person.Assistance.Any(a => a.Type == AssistanceType.Dibao && a.From <= today && (a.To is null || a.To >= today));
        var late = random.NextDouble() < LateDeathRateOnDibao && onDibao;
        var early = random.NextDouble() < (age >= 80 ? DeathRateFrom80 : age >= 65 ? DeathRateFrom65 : DeathRateBelow65);
        var snapshot = today.AddDays(-ReportingLagDays);
        var latestStart = LatestStart(person);
        if (late && Between(random, Max(snapshot.AddDays(1), latestStart), today.AddDays(-1)) is { } lately)
        {
            // The department has not heard yet: the benefit runs on.
            return person with { DiedOn = lately, DeathReportedLater = true };
        }

        if (early && Between(random, Max(today.AddYears(-3), latestStart), snapshot.AddDays(-1)) is { } died)
        {
            return person with { DiedOn = died, Assistance = EndAssistance(person, died, random.NextDouble() < EndedAtDeath) };
        }

        var move = new Random(SeedMixer.Mix(seed, person.Number, MovePurpose));
        if (move.NextDouble() < MoveRate && Between(move, Max(today.AddYears(-3), latestStart), snapshot.AddDays(-1)) is { } moved)
        {
            return person with { MovedOutOn = moved, Assistance = EndAssistance(person, moved, move.NextDouble() < EndedAtMove) };
        }

        return person;
    }

    private Person Lapse(Person person)
    {
        var random = new Random(SeedMixer.Mix(seed, person.Number, LapsePurpose));
        var certificate = random.NextDouble() < LapseRate ? random.Date(today.AddDays(-LapseWindowDays), today.AddDays(LapseWindowDays)) : (DateOnly?)null;
        var lease = random.NextDouble() < LapseRate ? random.Date(today.AddDays(-LapseWindowDays), today.AddDays(LapseWindowDays)) : (DateOnly?)null;

        // The validity stays what each document has (a certificate ten years, a lease three): it was issued earlier.
        if (person.Disability is { } d && certificate is { } lastDay && lastDay.AddDays(1).AddYears(-10) is var issued && issued > person.BirthDate)
        {
            person = person with { Disability = d with { IssuedOn = issued, ValidTo = lastDay } };
        }

        if (person.Tenancy is { } t && lease is { } end)
        {
            person = person with { Tenancy = t with { From = end.AddDays(1).AddYears(-3), To = end } };
        }

        return person;
    }

    // A person cannot die or leave before a record of theirs began: the day after the latest start.
    private static DateOnly LatestStart(Person person)
    {
        var starts = person.Assistance.Select(a => a.From).Append(person.BirthDate);
        if (person.Disability is { } d)
        {
            starts = starts.Append(d.IssuedOn);
        }

        if (person.Tenancy is { } t)
        {
            starts = starts.Append(t.From);
        }

        return starts.Max().AddDays(1);
    }

    // The department ends what still runs at the end of the month, or has not got round to it.
    private static List<Assistance> EndAssistance(Person person, DateOnly day, bool ended)
    {
        var monthEnd = new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1);
        return person.Assistance
            .Select(a => ended && (a.To is null || a.To > monthEnd) ? a with { To = monthEnd } : a)
            .ToList();
    }

    private static DateOnly? Between(Random random, DateOnly from, DateOnly to) => from <= to ? random.Date(from, to) : null;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
