namespace Hub.Core.Storage;

/// <summary>
/// The rows of several tables read at once as one sequence in key order (partition key, then row key, ordinal): storage
/// returns each table's rows in that order, so the merge takes the least of their heads in turn. For a table split by
/// class (<see cref="TableSplit.IsKeyOrdered"/> false), where a range of partitions lies in every table.
/// </summary>
internal static class KeyOrderMerge
{
    /// <summary>
    /// Every row of <paramref name="sources"/>, in key order; <paramref name="keyOf"/> gives a row's partition and row key.
    /// The first page of every source is asked for at once, then each source's next page when its rows run out.
    /// </summary>
    public static async IAsyncEnumerable<T> MergeAsync<T>(IReadOnlyList<IAsyncEnumerable<T>> sources, Func<T, (string PartitionKey, string RowKey)> keyOf)
    {
        var enumerators = sources.Select(s => s.GetAsyncEnumerator()).ToList();
        try
        {
            var heads = new PriorityQueue<int, (string PartitionKey, string RowKey)>(enumerators.Count, KeyComparer.Instance);
            var started = await Task.WhenAll(enumerators.Select(e => e.MoveNextAsync().AsTask())).ConfigureAwait(false);
            for (var i = 0; i < enumerators.Count; i++)
            {
                if (started[i])
                {
                    heads.Enqueue(i, keyOf(enumerators[i].Current));
                }
            }

            while (heads.TryDequeue(out var source, out _))
            {
                var enumerator = enumerators[source];
                yield return enumerator.Current;
                if (await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    heads.Enqueue(source, keyOf(enumerator.Current));
                }
            }
        }
        finally
        {
            foreach (var enumerator in enumerators)
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private sealed class KeyComparer : IComparer<(string PartitionKey, string RowKey)>
    {
        public static KeyComparer Instance { get; } = new();

        public int Compare((string PartitionKey, string RowKey) x, (string PartitionKey, string RowKey) y) =>
            string.CompareOrdinal(x.PartitionKey, y.PartitionKey) is var partition and not 0 ? partition : string.CompareOrdinal(x.RowKey, y.RowKey);
    }
}
