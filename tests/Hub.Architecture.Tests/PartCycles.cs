namespace Hub.Architecture.Tests;

/// <summary>Finds the cycles in which parts use each other, each once, as the parts round it.</summary>
internal static class PartCycles
{
    /// <summary>Each cycle of <paramref name="uses"/> written <c>A → B → A</c>, starting at its smallest part.</summary>
    public static IReadOnlyList<string> Find(ILookup<string, string> uses)
    {
        var cycles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var start in uses.Select(g => g.Key).Order(StringComparer.Ordinal))
        {
            Walk(uses, start, [start], cycles);
        }

        return [.. cycles];
    }

    // Only cycles through parts no smaller than their start are followed, so each cycle is found from its smallest part.
    private static void Walk(ILookup<string, string> uses, string start, List<string> path, SortedSet<string> cycles)
    {
        foreach (var next in uses[path[^1]])
        {
            if (next == start)
            {
                cycles.Add(string.Join(" → ", path.Append(start)));
            }
            else if (string.CompareOrdinal(next, start) > 0 && !path.Contains(next))
            {
                path.Add(next);
                Walk(uses, start, path, cycles);
                path.RemoveAt(path.Count - 1);
            }
        }
    }
}
