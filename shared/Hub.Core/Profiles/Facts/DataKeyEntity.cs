using Hub.Core.Protection;
using Hub.Core.Storage;

namespace Hub.Core.Profiles.Facts;

/// <summary>
/// The data key row of a key (<c>{personKey}|~key</c>): the key's data key, wrapped by a key-encryption key. It seals
/// the key's facts and view; the merge reads it with the partition and writes it ahead of the first fact it seals, and
/// nothing but erasure removes it, after which every copy of the key's sealed values, wherever it lingers, stays closed.
/// The key's view carries a copy of the row (<see cref="PersonViewEntity.CarriedKey"/>), written in the same transaction
/// whenever the row is, and erased in the same transaction as the row.
/// </summary>
internal sealed class DataKeyEntity : StoredEntity
{
    public string PersonKey { get; set; } = string.Empty;

    /// <summary>The id of the key-encryption key that wraps <see cref="Wrapped"/>.</summary>
    public string KeyId { get; set; } = string.Empty;

    /// <summary>The data key, sealed with the key-encryption key <see cref="KeyId"/>.</summary>
    public string Wrapped { get; set; } = string.Empty;

    // A method, not a property: the table client stores every public property.
    public WrappedDataKey ToWrapped() => new(KeyId, Wrapped);

    public static DataKeyEntity Of(string personKey, WrappedDataKey key) => new()
    {
        PartitionKey = Kernel.PersonKey.Parse(personKey).PartitionKey,
        RowKey = ResolutionRows.DataKey(personKey),
        PersonKey = personKey,
        KeyId = key.KeyId,
        Wrapped = key.Wrapped,
    };

    public static DataKeyEntity FromRow(StoredRow row) => row.Fill(new DataKeyEntity
    {
        PersonKey = row.GetString(nameof(PersonKey)) ?? string.Empty,
        KeyId = row.GetString(nameof(KeyId)) ?? string.Empty,
        Wrapped = row.GetString(nameof(Wrapped)) ?? string.Empty,
    });
}
