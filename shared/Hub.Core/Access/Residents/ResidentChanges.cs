namespace Hub.Core.Access.Residents;

/// <summary>
/// Resident-index rows to write and to delete, gathered over many persons so that they go out in full transactions
/// per street, not a few rows at a time.
/// </summary>
internal sealed class ResidentChanges
{
    private readonly Dictionary<(string, string), ResidentEntity> _upserts = [];
    private readonly HashSet<(string, string)> _deletes = [];
    private readonly Lock _gate = new();

    public IReadOnlyCollection<ResidentEntity> Upserts => _upserts.Values;

    public IReadOnlyCollection<(string PartitionKey, string RowKey)> Deletes => _deletes;

    public bool IsEmpty => _upserts.Count == 0 && _deletes.Count == 0;

    /// <summary>
    /// Replaces a person's rows <paramref name="before"/> by <paramref name="after"/>, both derived on the same day, and
    /// leaves out the candidate index entries that did not change: a record sent again files nobody anew.
    /// </summary>
    public void ReplaceRows(IReadOnlyList<ResidentEntity> before, IReadOnlyList<ResidentEntity> after)
    {
        var unchanged = before
            .Where(r => CandidateSearch.Is(r.PartitionKey))
            .Select(r => (r.PartitionKey, r.RowKey, r.Records))
            .Intersect(after.Where(r => CandidateSearch.Is(r.PartitionKey)).Select(r => (r.PartitionKey, r.RowKey, r.Records)))
            .Select(r => (r.PartitionKey, r.RowKey))
            .ToHashSet();
        Replace(
            before.Select(r => (r.PartitionKey, r.RowKey)).Where(k => !unchanged.Contains(k)),
            [.. after.Where(r => !unchanged.Contains((r.PartitionKey, r.RowKey)))]);
    }

    /// <summary>Replaces a person's rows <paramref name="before"/> (their keys) by <paramref name="after"/>.</summary>
    public void Replace(IEnumerable<(string PartitionKey, string RowKey)> before, IReadOnlyList<ResidentEntity> after)
    {
        lock (_gate)
        {
            foreach (var row in after)
            {
                _upserts[(row.PartitionKey, row.RowKey)] = row;
                _deletes.Remove((row.PartitionKey, row.RowKey));
            }

            foreach (var key in before)
            {
                if (!_upserts.ContainsKey(key))
                {
                    _deletes.Add(key);
                }
            }
        }
    }
}
