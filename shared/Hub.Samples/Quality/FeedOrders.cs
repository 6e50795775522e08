namespace Hub.Samples.Quality;

/// <summary>Every order a set of feeds can arrive in.</summary>
public static class FeedOrders
{
    /// <summary>
    /// Every permutation of <paramref name="items"/> (n! of them), in lexicographic order of positions, the given order
    /// first.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<T>> Of<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var orders = new List<IReadOnlyList<T>>();
        Permute([.. Enumerable.Range(0, items.Count)], 0);
        return orders;

        void Permute(List<int> positions, int from)
        {
            if (from >= positions.Count - 1)
            {
                orders.Add([.. positions.Select(p => items[p])]);
                return;
            }

            for (var i = from; i < positions.Count; i++)
            {
                // Rotating the chosen position to the front keeps the rest in order, so the orders come out sorted.
                var next = new List<int>(positions);
                var chosen = next[i];
                next.RemoveAt(i);
                next.Insert(from, chosen);
                Permute(next, from + 1);
            }
        }
    }
}
