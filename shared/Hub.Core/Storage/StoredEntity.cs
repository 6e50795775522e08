using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

namespace Hub.Core.Storage;

/// <summary>
/// A row of one of the Hub's tables: its keys, the version storage last saw, and the public properties of the derived
/// type as columns. The storage SDK's own ETag and timestamp are implemented explicitly, so parts speak of
/// <see cref="Version"/> and never name the SDK's types.
/// </summary>
/// <remarks>
/// The SDK's serializer binds a type's public properties plus the members of <see cref="ITableEntity"/>, so the
/// explicit ETag and timestamp are filled on every read; <see cref="Version"/> and <see cref="StoredAt"/> are marked
/// <see cref="IgnoreDataMemberAttribute"/>, so they are never written as columns.
/// </remarks>
public abstract class StoredEntity : ITableEntity
{
    private ETag _etag;
    private DateTimeOffset? _timestamp;

    /// <summary>The partition the row is in.</summary>
    public string PartitionKey { get; set; } = string.Empty;

    /// <summary>The row's key within its partition.</summary>
    public string RowKey { get; set; } = string.Empty;

    /// <summary>The version read with the row (or returned by the last write); null for a row not read from storage.</summary>
    [IgnoreDataMember]
    public EntityVersion? Version
    {
        get => _etag == default ? null : new EntityVersion(_etag.ToString());
        set => _etag = value is { } version ? new ETag(version.Value) : default;
    }

    /// <summary>When storage last wrote the row (its server timestamp); null for a row not read from storage.</summary>
    [IgnoreDataMember]
    public DateTimeOffset? StoredAt => _timestamp;

    /// <inheritdoc />
    ETag ITableEntity.ETag
    {
        get => _etag;
        set => _etag = value;
    }

    /// <inheritdoc />
    DateTimeOffset? ITableEntity.Timestamp
    {
        get => _timestamp;
        set => _timestamp = value;
    }
}
