namespace Hub.Samples;

/// <summary>A generated population: the truth every sample feed is cut from.</summary>
public sealed class Population
{
    internal Population(PopulationOptions options, IReadOnlyList<Household> households)
    {
        Options = options;
        Households = households;
        People = households.SelectMany(h => h.Members).OrderBy(p => p.Number).ToList();
    }

    /// <summary>The options it was generated from.</summary>
    public PopulationOptions Options { get; }

    /// <summary>The households, in the order they were drawn.</summary>
    public IReadOnlyList<Household> Households { get; }

    /// <summary>Everyone, ordered by <see cref="Person.Number"/> (so <c>People[n - 1].Number == n</c>).</summary>
    public IReadOnlyList<Person> People { get; }

    /// <summary>The person with the given number.</summary>
    public Person this[int number] => People[number - 1];
}