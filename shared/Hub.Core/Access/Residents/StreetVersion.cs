using Hub.Core.Storage;

namespace Hub.Core.Access.Residents;

/// <summary>
/// The version of one street's resident rows: a row of the street's partition with no columns, replaced on every
/// write to the street, so its version changes whenever a row of the street does. A list reads it with one point read
/// and serves the street from memory while it is unchanged (<see cref="StreetRosters"/>). Its key sorts after every
/// search-only row (<c>~{personKey}</c>, lower-case hex after the tilde), so no resident-row range takes it.
/// </summary>
internal static class StreetVersion
{
    /// <summary>The version row's key in every street.</summary>
    public const string RowKey = "~~version";

    /// <summary>The version of a street that has no version row yet.</summary>
    public const string None = "";

    /// <summary>Whether <paramref name="rowKey"/> is a street's version row rather than a resident row.</summary>
    public static bool Is(string rowKey) => string.Equals(rowKey, RowKey, StringComparison.Ordinal);

    /// <summary>The change that bumps <paramref name="street"/>'s version beside the rows a transaction writes.</summary>
    public static EntityChange Bump(string street) => EntityChange.Upsert(new BareRow(street, RowKey));

    /// <summary>Bumps <paramref name="street"/>'s version on its own, after rows were changed outside a transaction.</summary>
    public static async Task BumpAsync(EntityTable residents, string street, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(residents);
        await residents.UpsertAsync(new BareRow(street, RowKey), EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The current version of <paramref name="street"/>: one point read; <see cref="None"/> without a version row.</summary>
    public static async Task<string> ReadAsync(EntityTable residents, string street, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(residents);
        var row = await residents.GetAsync<BareRow>(street, RowKey, cancellationToken).ConfigureAwait(false);
        return row?.Version?.Value ?? None;
    }
}
