namespace Hub.Samples.Corruption;

/// <summary>
/// Corrupts a composed feed as public record-linkage benchmarks corrupt theirs (FEBRL, GeCo): each row gets each
/// <see cref="CorruptionKind"/> at its rate, independently, and some rows are entered a second time, corrupted again.
/// Every draw comes from a random source of its own, seeded by the seed, the source, the row and the kind, so the
/// result is the same for the same seed and one rate changed leaves the other draws where they were.
/// </summary>
internal static class FeedCorruptor
{
    private static readonly CorruptionKind[] Edits = [.. Enum.GetValues<CorruptionKind>().Where(k => k != CorruptionKind.Duplicate)];

    /// <summary>
    /// <paramref name="feed"/> corrupted at <paramref name="rates"/>; duplicates follow the rows, in the order of
    /// their originals, and every row is numbered again.
    /// </summary>
    /// <param name="feed">A composed feed.</param>
    /// <param name="rates">How often each corruption is drawn.</param>
    /// <param name="seed">The seed of every draw.</param>
    /// <param name="latest">The feeds' date: no birth date is moved past it.</param>
    public static SampleFeed Corrupt(SampleFeed feed, CorruptionRates rates, int seed, DateOnly latest)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(rates);
        rates.Validate();
        var corruptor = new RowCorruptor(feed.Source, latest);
        var source = SeedMixer.Of(feed.Source.Id);
        var rows = new List<SampleRow>(feed.Rows.Count);
        var duplicates = new List<SampleRow>();
        foreach (var row in feed.Rows)
        {
            rows.Add(Corrupt(row, new Dictionary<string, string?>(row.Values, StringComparer.Ordinal), [], copy: 0));
            if (Drawn(Random(seed, source, row, 0, CorruptionKind.Duplicate), rates.Duplicate))
            {
                var values = new Dictionary<string, string?>(row.Values, StringComparer.Ordinal) { [corruptor.IdColumn] = null };
                duplicates.Add(Corrupt(row, values, [new AppliedCorruption(CorruptionKind.Duplicate, corruptor.IdColumn)], copy: 1));
            }
        }

        return feed with { Rows = [.. rows.Concat(duplicates).Select((r, i) => r with { Index = i + 1 })] };

        SampleRow Corrupt(SampleRow row, Dictionary<string, string?> values, List<AppliedCorruption> applied, int copy)
        {
            foreach (var kind in Edits)
            {
                var random = Random(seed, source, row, copy, kind);
                if (Drawn(random, rates.Of(kind)) && corruptor.Apply(kind, values, random) is { } column)
                {
                    applied.Add(new AppliedCorruption(kind, column));
                }
            }

            return row with { Values = values, Corruptions = applied };
        }
    }

    /// <summary>
    /// <paramref name="feed"/> with every ID number (and the disability certificate, which holds it) left out, and
    /// every sex, as a benchmark without them would have it.
    /// </summary>
    public static SampleFeed Strip(SampleFeed feed, bool withoutIds, bool withoutSex)
    {
        ArgumentNullException.ThrowIfNull(feed);
        if (!withoutIds && !withoutSex)
        {
            return feed;
        }

        var corruptor = new RowCorruptor(feed.Source, DateOnly.MaxValue);
        string?[] cleared = [.. withoutIds ? new[] { corruptor.IdColumn, corruptor.CertificateColumn } : [], .. withoutSex ? new[] { corruptor.SexColumn } : []];
        return feed with
        {
            Rows = [.. feed.Rows.Select(row =>
            {
                var values = new Dictionary<string, string?>(row.Values, StringComparer.Ordinal);
                foreach (var column in cleared.OfType<string>())
                {
                    values[column] = null;
                }

                return row with { Values = values };
            })],
        };
    }

    private static Random Random(int seed, int source, SampleRow row, int copy, CorruptionKind kind) =>
        new(SeedMixer.Mix(seed, source, checked((int)row.Index), copy, (int)kind));

    private static bool Drawn(Random random, double rate) => rate > 0 && random.NextDouble() < rate;
}
