namespace Hub.Core.Access.Residents;

/// <summary>
/// One street's listable resident rows (all but the search-only rows and the version row) in row-key order, with the
/// street version they were read at. A page is taken from it with exactly the filter
/// <see cref="ResidentDirectory.Filter"/> gives storage, so it equals the page the range query would return.
/// </summary>
/// <remarks>The rows are shared by every list of the street: they are read, never changed.</remarks>
internal sealed class StreetRoster
{
    private readonly ResidentEntity[] _rows;

    public StreetRoster(string street, string version, IEnumerable<ResidentEntity> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Street = street;
        Version = version;
        _rows = rows
            .Where(r => string.Equals(r.PartitionKey, street, StringComparison.Ordinal) && string.CompareOrdinal(r.RowKey, ResidentEntity.SearchOnlyPrefix) < 0)
            .OrderBy(r => r.RowKey, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The street: the first 9 digits of the division code.</summary>
    public string Street { get; }

    /// <summary>The street's version (<see cref="StreetVersion"/>) the rows were read at.</summary>
    public string Version { get; }

    /// <summary>How many rows the roster holds.</summary>
    public int Count => _rows.Length;

    /// <summary>
    /// One page of <paramref name="query"/> (a street, community or grid of this street) after <paramref name="after"/>,
    /// as <see cref="ResidentDirectory.ListAsync(ResidentListQuery, Func{ListedResident, bool}, int, ResidentListPosition?, int, CancellationToken)"/> defines it.
    /// </summary>
    public ResidentListPage Page(ResidentListQuery query, Func<ListedResident, bool> keep, int pageSize, ResidentListPosition? after, int scanLimit)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Division.Prefix.Length < 9 || !string.Equals(query.Division.Street, Street, StringComparison.Ordinal))
        {
            throw new ArgumentException("A roster serves lists of its own street, its communities and grids.", nameof(query));
        }

        var (first, end) = (0, _rows.Length);
        if (query.Division.Prefix.Length > 9)
        {
            // '}' follows '|': every row key of the community (or grid) lies between "{start}|" and "{start}}".
            var start = query.Grid is { } grid ? $"{query.Division.Value[9..]}|{grid.Value}" : query.Division.Value[9..];
            (first, end) = (FirstAtOrAfter(start + "|"), FirstAtOrAfter(start + "}"));
        }

        if (after is not null)
        {
            var street = string.CompareOrdinal(after.PartitionKey, Street);
            first = street > 0 ? end : street == 0 ? Math.Max(first, FirstAfter(after.RowKey)) : first;
        }

        var page = new ResidentPageBuilder(keep, pageSize, scanLimit);
        var level = query.Level;
        var household = query.Household?.Value;
        for (var i = first; i < end; i++)
        {
            var row = _rows[i];
            if (row.DistinctFrom <= level
                && (household is null || string.Equals(row.HouseholdKey, household, StringComparison.Ordinal))
                && page.Add(row) is { } full)
            {
                return full;
            }
        }

        return page.Finish();
    }

    private int FirstAtOrAfter(string rowKey) => Search(rowKey, inclusive: true);

    private int FirstAfter(string rowKey) => Search(rowKey, inclusive: false);

    // The first index whose row key is at or after (inclusive) or after (not) rowKey: a lower or upper bound.
    private int Search(string rowKey, bool inclusive)
    {
        var (low, high) = (0, _rows.Length);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var order = string.CompareOrdinal(_rows[middle].RowKey, rowKey);
            if (order < 0 || (!inclusive && order == 0))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
