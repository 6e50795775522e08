using System.Collections.Concurrent;
using Hub.Core.Storage;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Hub.Core.Access.Residents;

/// <summary>
/// The street rosters this process holds, validated by the streets' versions. A list of a street, community or grid
/// costs one point read (the version row) while its street's roster is current, and a range query of the street once
/// when it is missing or the street has changed since. Azurite answers every query by filtering the whole table, but a
/// point read by its index, so this is what keeps a list near the cost of reading one entity. Memory is bounded by
/// <see cref="ResidentRosterOptions.RosterCacheRows"/>, counted in rows.
/// </summary>
internal sealed class StreetRosters : IDisposable
{
    private readonly HubStorage _storage;
    private readonly MemoryCache _held;
    private readonly ConcurrentDictionary<(string Street, string Version), Lazy<Task<StreetRoster>>> _loading = new();

    public StreetRosters(HubStorage storage, IOptions<ResidentRosterOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _storage = storage;
        _held = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.RosterCacheRows });
    }

    /// <summary>The roster of <paramref name="street"/> at its current version.</summary>
    public async Task<StreetRoster> GetAsync(string street, CancellationToken cancellationToken = default)
    {
        // The version before the rows: rows read after it are at least as new as it, so a roster is never older than
        // the version it is held at, and a write after the read changes the version the next list sees.
        var version = await StreetVersion.ReadAsync(_storage.ResidentsTable, street, cancellationToken).ConfigureAwait(false);
        if (_held.TryGetValue(street, out StreetRoster? held) && held!.Version == version)
        {
            return held;
        }

        // Lists that miss the same street at the same version together wait for one read of it. The read is not
        // cancelled with the request that started it, which others may be waiting behind.
        var load = _loading.GetOrAdd((street, version), key => new Lazy<Task<StreetRoster>>(() => LoadAsync(key.Street, key.Version)));
        return await load.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _held.Dispose();

    private async Task<StreetRoster> LoadAsync(string street, string version)
    {
        try
        {
            var filter = TableFilter.Of($"PartitionKey eq {street} and RowKey lt {ResidentEntity.SearchOnlyPrefix}");
            var rows = new List<ResidentEntity>();
            var shared = new Dictionary<string, string>(StringComparer.Ordinal);
            await foreach (var row in _storage.ResidentsTable.QueryAsync<ResidentEntity>(filter, 1000, ResidentDirectory.Columns, CancellationToken.None).ConfigureAwait(false))
            {
                // The street, places, memberships, statuses and sources repeat across a street: held once, not once a
                // row. A list never needs a row's own version.
                row.PartitionKey = Shared(row.PartitionKey);
                row.Version = null;
                row.Places = Shared(row.Places);
                row.Memberships = Shared(row.Memberships);
                row.Status = row.Status is null ? null : Shared(row.Status);
                row.StatusDate = row.StatusDate is null ? null : Shared(row.StatusDate);
                row.StatusSince = row.StatusSince is null ? null : Shared(row.StatusSince);
                row.StatusSource = row.StatusSource is null ? null : Shared(row.StatusSource);
                row.NameSource = row.NameSource is null ? null : Shared(row.NameSource);
                rows.Add(row);
            }

            var roster = new StreetRoster(street, version, rows);
            _held.Set(street, roster, new MemoryCacheEntryOptions { Size = Math.Max(1, roster.Count) });
            return roster;

            string Shared(string value) => shared.TryGetValue(value, out var held) ? held : shared[value] = value;
        }
        finally
        {
            _loading.TryRemove((street, version), out _);
        }
    }
}
