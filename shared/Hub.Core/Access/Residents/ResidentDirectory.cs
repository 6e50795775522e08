using Hub.Core.Kernel;
using Hub.Core.Storage;

namespace Hub.Core.Access.Residents;

/// <summary>
/// Lists the residents of a division from the resident index. A street, community or grid is served from the street's
/// roster (<see cref="StreetRosters"/>): one point read of the street's version while the roster is current. A
/// province, city or county is one range query, a partition range (streets are partitions). Search-only rows
/// (<c>~</c>) are never listed. Every filter is built with <see cref="TableFilter.Of(FormattableString)"/>,
/// so no value can widen the query.
/// </summary>
public sealed class ResidentDirectory
{
    private readonly HubStorage _storage;
    private readonly StreetRosters _rosters;

    internal ResidentDirectory(HubStorage storage, StreetRosters rosters) => (_storage, _rosters) = (storage, rosters);

    /// <summary>The columns a list reads; the blocking keys and match records stay in storage.</summary>
    internal static readonly string[] Columns =
    [
        "PartitionKey", "RowKey", nameof(ResidentEntity.PersonKey), nameof(ResidentEntity.Places), nameof(ResidentEntity.DistinctFrom),
        nameof(ResidentEntity.Identified), nameof(ResidentEntity.Memberships), nameof(ResidentEntity.HouseholdKey),
        nameof(ResidentEntity.Status), nameof(ResidentEntity.StatusDate), nameof(ResidentEntity.StatusSince), nameof(ResidentEntity.StatusSource),
        nameof(ResidentEntity.Name), nameof(ResidentEntity.NameSource),
    ];

    /// <summary>
    /// One page of <paramref name="query"/> after <paramref name="after"/>: up to <paramref name="pageSize"/> rows
    /// that <paramref name="keep"/> accepts, in street and row-key order. Reading stops after <paramref name="scanLimit"/>
    /// rows, so a filter that matches little cannot make one request read a whole district; the page is then shorter
    /// and says where to go on. The rows of a street's page are shared with its roster: read them, never change them.
    /// </summary>
    public async Task<ResidentListPage> ListAsync(ResidentListQuery query, Func<ListedResident, bool> keep, int pageSize, ResidentListPosition? after, int scanLimit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(keep);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        if (query.Division.Prefix.Length < 9)
        {
            return await QueryAsync(query, keep, pageSize, after, scanLimit, cancellationToken).ConfigureAwait(false);
        }

        var roster = await _rosters.GetAsync(query.Division.Street, cancellationToken).ConfigureAwait(false);
        return roster.Page(query, keep, pageSize, after, scanLimit);
    }

    /// <summary>
    /// One page of several lists read as one, such as a street and the streets merged into it: the parts are taken in
    /// street order (every row of one part lies before every row of the next, as the division registry's merged codes
    /// are other streets or communities), each person once, and a page goes on where the last one stopped.
    /// </summary>
    public async Task<ResidentListPage> ListAsync(IReadOnlyList<ResidentListQuery> parts, Func<ListedResident, bool> keep, int pageSize, ResidentListPosition? after, int scanLimit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(keep);
        if (parts.Count == 1)
        {
            return await ListAsync(parts[0], keep, pageSize, after, scanLimit, cancellationToken).ConfigureAwait(false);
        }

        var residents = new List<ListedResident>(pageSize);
        var seen = new HashSet<PersonKey>();
        var scanned = 0;
        foreach (var part in parts.OrderBy(p => p.Division.Street, StringComparer.Ordinal).ThenBy(p => p.Division.Value, StringComparer.Ordinal))
        {
            if (residents.Count == pageSize || scanned >= scanLimit)
            {
                // Full before this part was read: the next page goes on after the last row given.
                return new ResidentListPage(residents, residents.Count > 0 ? residents[^1].Position : after, scanned);
            }

            // Every part skips what lies at or before the position, so passing it to all of them is safe.
            var page = await ListAsync(part, r => keep(r) && !seen.Contains(r.PersonKey), pageSize - residents.Count, after, scanLimit - scanned, cancellationToken).ConfigureAwait(false);
            scanned += page.Scanned;
            foreach (var resident in page.Residents)
            {
                seen.Add(resident.PersonKey);
                residents.Add(resident);
            }

            if (page.Next is not null)
            {
                return new ResidentListPage(residents, page.Next, scanned);
            }
        }

        return new ResidentListPage(residents, null, scanned);
    }

    /// <summary>The page <see cref="ListAsync(ResidentListQuery, Func{ListedResident, bool}, int, ResidentListPosition?, int, CancellationToken)"/> defines, read with one range query of the index.</summary>
    internal async Task<ResidentListPage> QueryAsync(ResidentListQuery query, Func<ListedResident, bool> keep, int pageSize, ResidentListPosition? after, int scanLimit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = new ResidentPageBuilder(keep, pageSize, scanLimit);
        var rowsPerRequest = Math.Clamp(pageSize + 1, 1, 1000);
        await foreach (var row in _storage.ResidentsTable.QueryAsync<ResidentEntity>(Filter(query, after), rowsPerRequest, Columns, cancellationToken).ConfigureAwait(false))
        {
            if (page.Add(row) is { } full)
            {
                return full;
            }
        }

        return page.Finish();
    }

    /// <summary>The filter of <paramref name="query"/>, after <paramref name="after"/>; every value a parameter.</summary>
    internal static string Filter(ResidentListQuery query, ResidentListPosition? after)
    {
        var prefix = query.Division.Prefix;
        var street = query.Division.Street;
        var clauses = new List<string>();
        if (prefix.Length < 9)
        {
            var end = prefix[..^1] + (char)(prefix[^1] + 1);
            clauses.Add(TableFilter.Of($"PartitionKey ge {prefix} and PartitionKey lt {end} and RowKey lt {ResidentEntity.SearchOnlyPrefix}"));
        }
        else if (prefix.Length == 9)
        {
            clauses.Add(TableFilter.Of($"PartitionKey eq {street} and RowKey lt {ResidentEntity.SearchOnlyPrefix}"));
        }
        else
        {
            // '}' follows '|': every row key of the community (or grid) lies between "{start}|" and "{start}}".
            var start = query.Grid is { } grid ? $"{query.Division.Value[9..]}|{grid.Value}" : query.Division.Value[9..];
            clauses.Add(TableFilter.Of($"PartitionKey eq {street} and RowKey ge {start + "|"} and RowKey lt {start + "}"}"));
        }

        clauses.Add(TableFilter.Of($"DistinctFrom le {query.Level}"));
        if (query.Household is { } household)
        {
            clauses.Add(TableFilter.Of($"HouseholdKey eq {household.Value}"));
        }

        if (after is not null)
        {
            clauses.Add(TableFilter.Of($"PartitionKey gt {after.PartitionKey} or (PartitionKey eq {after.PartitionKey} and RowKey gt {after.RowKey})"));
        }

        return string.Join(" and ", clauses.Select(c => $"({c})"));
    }
}
