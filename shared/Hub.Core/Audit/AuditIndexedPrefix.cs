namespace Hub.Core.Audit;

/// <summary>
/// What one indexer knows to be indexed: every event up to <see cref="Through"/>, and chain transactions beyond it
/// that wait for the gap below them to close. The cursor may only ever be moved to <see cref="Through"/>.
/// </summary>
internal sealed class AuditIndexedPrefix(ChainCursor through)
{
    private readonly SortedList<long, (long Last, string Partition)> _ahead = [];

    /// <summary>The end of the contiguous prefix: every event up to it is indexed.</summary>
    public ChainCursor Through { get; private set; } = through;

    /// <summary>Whether transactions beyond the prefix wait for events below them.</summary>
    public bool HasGap => _ahead.Count > 0;

    /// <summary>Whether the rows of event <paramref name="sequence"/> are written.</summary>
    public bool Contains(long sequence) => sequence <= Through.Sequence || _ahead.Any(a => a.Key <= sequence && sequence <= a.Value.Last);

    /// <summary>Notes events <paramref name="first"/> to <paramref name="last"/> of day partition <paramref name="partition"/> as indexed.</summary>
    public void Add(string partition, long first, long last)
    {
        if (last > Through.Sequence)
        {
            _ahead[first] = (last, partition);
            Advance();
        }
    }

    /// <summary>Notes every event up to <paramref name="cursor"/> as indexed.</summary>
    public void MoveTo(ChainCursor cursor)
    {
        if (cursor.Sequence > Through.Sequence)
        {
            Through = cursor;
            Advance();
        }
    }

    private void Advance()
    {
        while (_ahead.Count > 0 && _ahead.Keys[0] <= Through.Sequence + 1)
        {
            var (last, partition) = _ahead.Values[0];
            if (last > Through.Sequence)
            {
                Through = new ChainCursor(partition, last);
            }

            _ahead.RemoveAt(0);
        }
    }
}
