namespace Hub.Core.Access.Residents;

/// <summary>
/// Builds one page of a resident list from the rows its filter takes, in row order: each person once, up to a page
/// size of rows a predicate keeps, reading at most a scan limit. The range query and the street rosters both page
/// through it, so a page and where it says to go on are the same whichever of them served it.
/// </summary>
internal sealed class ResidentPageBuilder
{
    private readonly Func<ListedResident, bool> _keep;
    private readonly int _pageSize;
    private readonly int _scanLimit;
    private readonly List<ListedResident> _rows;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _scanned;

    public ResidentPageBuilder(Func<ListedResident, bool> keep, int pageSize, int scanLimit)
    {
        ArgumentNullException.ThrowIfNull(keep);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        (_keep, _pageSize, _scanLimit) = (keep, pageSize, scanLimit);
        _rows = new List<ListedResident>(pageSize + 1);
    }

    /// <summary>
    /// Takes the next row the filter passed. Returns the page when it is complete: one row more than the page holds was
    /// kept (the page then ends at its last row), or the scan limit was reached (the page then ends at this row).
    /// </summary>
    public ResidentListPage? Add(ResidentEntity row)
    {
        _scanned++;
        var resident = ListedResident.From(row);
        if (_keep(resident) && _seen.Add(row.PersonKey))
        {
            _rows.Add(resident);
            if (_rows.Count > _pageSize)
            {
                _rows.RemoveAt(_pageSize);
                return new ResidentListPage(_rows, _rows[^1].Position, _scanned);
            }
        }

        return _scanned >= _scanLimit ? new ResidentListPage(_rows, resident.Position, _scanned) : null;
    }

    /// <summary>The last page: the filter has no rows left.</summary>
    public ResidentListPage Finish() => new(_rows, null, _scanned);
}
