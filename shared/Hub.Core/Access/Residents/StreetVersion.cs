using Azure.Data.Tables;

namespace Hub.Core.Access.Residents;

/// <summary>
/// The version of one street's resident rows: a row of the street's partition with no columns, replaced on every
/// write to the street, so its ETag changes whenever a row of the street does. A list reads it with one point read
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

    /// <summary>The transaction action that bumps <paramref name="street"/>'s version beside the rows it writes.</summary>
    public static TableTransactionAction Bump(string street) => new(TableTransactionActionType.UpsertReplace, new TableEntity(street, RowKey));

    /// <summary>Bumps <paramref name="street"/>'s version on its own, after rows were changed outside a transaction.</summary>
    public static async Task BumpAsync(TableClient residents, string street, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(residents);
        await residents.UpsertEntityAsync(new TableEntity(street, RowKey), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The current version of <paramref name="street"/>: one point read; <see cref="None"/> without a version row.</summary>
    public static async Task<string> ReadAsync(TableClient residents, string street, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(residents);
        var row = await residents.GetEntityIfExistsAsync<TableEntity>(street, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value!.ETag.ToString() : None;
    }
}
