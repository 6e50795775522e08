using Hub.Core.Storage;

namespace Hub.Core.Audit;

/// <summary>
/// Finds the checkpoints that cover an event from their blob names alone (<c>{day}/{first}-{last}.json</c>): the
/// container lists its day folders in one request, and a binary search lists the names of a dozen or so days, so
/// finding an event's day reads no event and scans nothing, however long the trail.
/// </summary>
internal sealed class AuditCheckpointLocator(HubStorage storage)
{
    /// <summary>
    /// The day partition whose checkpoints cover <paramref name="sequence"/>, with every checkpoint name of that day
    /// in sequence order; null when no checkpoint covers it (not checkpointed yet, or no such event).
    /// </summary>
    public async Task<(string Partition, IReadOnlyList<string> Names)?> FindAsync(long sequence, CancellationToken cancellationToken)
    {
        var days = await ListDaysAsync(cancellationToken).ConfigureAwait(false);
        var (low, high) = (0, days.Count - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var names = await ListNamesAsync(days[middle], cancellationToken).ConfigureAwait(false);
            if (names.Count == 0)
            {
                // A folder holding no checkpoint name (only something else): it tells nothing, so leave it out.
                days.RemoveAt(middle);
                high--;
                continue;
            }

            if (sequence < names[0].First)
            {
                high = middle - 1;
            }
            else if (sequence > names[^1].Last)
            {
                low = middle + 1;
            }
            else
            {
                return (days[middle], names.Select(n => n.Name).ToList());
            }
        }

        return null;
    }

    /// <summary>The day partitions that hold checkpoints, in day (and so sequence) order.</summary>
    private async Task<List<string>> ListDaysAsync(CancellationToken cancellationToken)
    {
        var days = new List<string>();
        await foreach (var folder in storage.AuditCheckpointsFolder.ListFoldersAsync("/", cancellationToken).ConfigureAwait(false))
        {
            if (folder is { Length: 10 } prefix && prefix[0] == 'd')
            {
                days.Add(prefix[..9]);
            }
        }

        days.Sort(StringComparer.Ordinal);
        return days;
    }

    private async Task<List<(string Name, long First, long Last)>> ListNamesAsync(string partition, CancellationToken cancellationToken)
    {
        var names = new List<(string Name, long First, long Last)>();
        await foreach (var name in storage.AuditCheckpointsFolder.ListAsync(partition + "/", cancellationToken).ConfigureAwait(false))
        {
            if (AuditCheckpoint.TryParseName(name, out _, out var first, out var last))
            {
                names.Add((name, first, last));
            }
        }

        return names;
    }
}
