using Hub.Core.Kernel;
using Hub.Core.Profiles.Facts;
using Hub.Core.Protection;
using Hub.Core.Storage;

namespace Hub.Core.Identity.Rotation;

/// <summary>
/// The rotation's first pass over one facts partition: every person key there that the retired pepper made gets its
/// new key (<see cref="RotatedKeys"/>) in the <see cref="KeyMap"/>. A key made with the current pepper is left out, so a
/// partition mapped again after a stop maps the same keys to the same new keys.
/// </summary>
internal sealed class KeyMapper(HubStorage storage, KeyRing keys, RotatedKeys rotated, KeyMap map)
{
    /// <summary>Maps the keys of facts partition <paramref name="partition"/>; returns how many it mapped.</summary>
    public async Task<int> MapPartitionAsync(int partition, CancellationToken cancellationToken = default)
    {
        var filter = TableFilter.Of($"PartitionKey eq {PersonKey.FormatPartition(partition)}");
        var rows = await storage.FactsTable.QueryRowsAsync(filter, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        var pairs = new List<(PersonKey Old, PersonKey New)>();
        foreach (var (text, person) in PersonRows.Group(rows, keys))
        {
            var old = PersonKey.Parse(text);
            if (person.Facts.Count == 0)
            {
                // No fact says whose the key is; only its decisions are left. A key the reverse map knows is a new one.
                if (await map.OldOfAsync(old, cancellationToken).ConfigureAwait(false) is null)
                {
                    pairs.Add((old, rotated.NewKeyOfBare(old)));
                }

                continue;
            }

            if (rotated.NewKeyOf(old, person.Facts.Select(f => f.ToView())) is { } moved)
            {
                pairs.Add((old, moved));
            }
        }

        await map.AddAsync(pairs, cancellationToken).ConfigureAwait(false);
        return pairs.Count;
    }
}
