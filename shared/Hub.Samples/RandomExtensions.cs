namespace Hub.Samples;

/// <summary>Draws the generator needs, all from one seeded <see cref="Random"/> so a seed replays the world.</summary>
internal static class RandomExtensions
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static T Pick<T>(this Random random, IReadOnlyList<(T Item, int Weight)> weighted)
    {
        var roll = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (item, weight) in weighted)
        {
            if (roll < weight)
            {
                return item;
            }

            roll -= weight;
        }

        throw new InvalidOperationException("Weights must be positive.");
    }

    public static DateOnly Date(this Random random, DateOnly from, DateOnly to) =>
        from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));

    public static string Digits(this Random random, int count) =>
        string.Create(count, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('0' + r.Next(10));
            }
        });
}