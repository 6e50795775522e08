namespace Hub.Samples;

/// <summary>Generates a fictional population from a seed; the same options always give the same people.</summary>
public sealed class PopulationGenerator(PopulationOptions options)
{
    /// <summary>Generates exactly <see cref="PopulationOptions.People"/> people in households.</summary>
    public Population Generate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.People);
        return new Population(options, Households(options.People).ToList());
    }

    /// <summary>
    /// Draws households lazily, never more people than <paramref name="people"/> in all (no limit when null), so a
    /// caller can stream a population larger than memory.
    /// </summary>
    internal IEnumerable<Household> Households(long? people = null)
    {
        var builder = new HouseholdBuilder(options);
        for (var drawn = 0L; people is null || drawn < people;)
        {
            var household = builder.Next((int)Math.Min(5, (people ?? long.MaxValue) - drawn));
            drawn += household.Members.Count;
            yield return household;
        }
    }
}