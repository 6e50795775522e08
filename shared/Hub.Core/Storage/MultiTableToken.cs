using System.Globalization;

namespace Hub.Core.Storage;

/// <summary>
/// The continuation token of a query read over several tables of a <see cref="TableSplit"/>: the index of the
/// table the next page comes from, a colon, and that table's own token (empty to start at its first row).
/// </summary>
internal static class MultiTableToken
{
    /// <summary>The table and its own token that <paramref name="token"/> names; the first table's start for null.</summary>
    /// <exception cref="ArgumentException">The token was not made by <see cref="After"/> for as many tables.</exception>
    public static (int Table, string? Token) Parse(string? token, int tables)
    {
        if (token is null)
        {
            return (0, null);
        }

        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !int.TryParse(token.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var table) || table >= tables)
        {
            throw new ArgumentException("The continuation token was not made by this query.", nameof(token));
        }

        return (table, colon == token.Length - 1 ? null : token[(colon + 1)..]);
    }

    /// <summary>
    /// The token after a page of table <paramref name="table"/> that ended with <paramref name="token"/>: the same table
    /// when it has more, else the next table's start; null after the last table's last page.
    /// </summary>
    public static string? After(int table, string? token, int tables) =>
        token is not null ? string.Create(CultureInfo.InvariantCulture, $"{table}:{token}")
        : table + 1 < tables ? string.Create(CultureInfo.InvariantCulture, $"{table + 1}:")
        : null;
}
