using Hub.Core.Kernel;
using Hub.Core.Profiles.Facts;
using Hub.Core.Storage;

namespace Hub.Core.Retention;

/// <summary>
/// What an erasure stopped half way left of a key in the facts table: sealed rows (a fact, a view) and no
/// data key row to open them. Only an erasure removes a data key row, and it removes it before the key's other rows, so
/// such a key is one an erasure had begun; <see cref="Keys"/> adds the keys its member rows name, which that erasure
/// was taking with it. A key whose data key does not open (a key-encryption key missing from the configuration) still
/// has its key row, and is never one.
/// </summary>
/// <param name="PersonKey">The key whose rows were left.</param>
/// <param name="Keys">That key and the keys its member rows name.</param>
internal sealed record ErasureRemnant(PersonKey PersonKey, IReadOnlyList<PersonKey> Keys)
{
    /// <summary>The remnant <paramref name="rows"/> (the rows of one key) make, or null for a key whose rows still open.</summary>
    public static ErasureRemnant? Of(IGrouping<string, StoredRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var key = rows.Key;
        if (rows.Any(r => r.RowKey == ResolutionRows.DataKey(key)) || !rows.Any(r => IsSealed(key, r)))
        {
            return null;
        }

        var members = rows
            .Where(r => r.RowKey.StartsWith(ResolutionRows.MembersStart(key), StringComparison.Ordinal))
            .Select(r => MemberEntity.FromRow(r).Member)
            .Where(m => m.Length > 0 && m != key)
            .Select(PersonKey.Parse);
        return new ErasureRemnant(PersonKey.Parse(key), [PersonKey.Parse(key), .. members]);
    }

    // A fact's sealed attributes, or a view's sealed copy.
    private static bool IsSealed(string key, StoredRow row) =>
        row.GetString(nameof(FactEntity.Sealed)) is not null
        || (row.RowKey == ResolutionRows.View(key) && PersonViewEntity.FromRow(row).IsSealed());
}
