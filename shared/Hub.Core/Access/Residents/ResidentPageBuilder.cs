namespace Hub.Core.Access.Residents;

/// <summary>
/// Builds one page of a resident list from the rows its filter takes, in row order: each person once, up to a page
/// size of rows a predicate keeps, reading at most a scan limit. The range query and the street rosters both page
/// through it, so a page and where it says to go on are the same whichever of them served it.
/// </summary>
internal sealed class ResidentPageBuilder
{
    private readonly Func<ResidentEntity, bool> _keep;
    private readonly int _pageSize;
    private readonly int _scanLimit;
    private readonly List<ResidentEntity> _rows;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _scanned;

    public ResidentPageBuilder(Func<ResidentEntity, bool> keep, int pageSize, int scanLimit)
    {
        ArgumentNullException.ThrowIfNull(keep);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        (_keep, _pageSize, _scanLimit) = (keep, pageSize, scanLimit);
        _rows = new List<ResidentEntity>(pageSize + 1);
    }

    /// <summary>
    /// Takes the next row the filter passed. Returns the page when it is complete: one row more than the page holds was
    /// kept (the page then ends at its last row), or the scan limit was reached (the page then ends at this row).
    /// </summary>
    public ResidentListPage? Add(ResidentEntity row)
    {
        _scanned++;
        if (_keep(row) && _seen.Add(row.PersonKey))
        {
            _rows.Add(row);
            if (_rows.Count > _pageSize)
            {
                _rows.RemoveAt(_pageSize);
                return new ResidentListPage(_rows, PositionOf(_rows[^1]), _scanned);
            }
        }

        return _scanned >= _scanLimit ? new ResidentListPage(_rows, PositionOf(row), _scanned) : null;
    }

    /// <summary>The last page: the filter has no rows left.</summary>
    public ResidentListPage Finish() => new(_rows, null, _scanned);

    private static ResidentListPosition PositionOf(ResidentEntity row) => new(row.PartitionKey, row.RowKey);
}
