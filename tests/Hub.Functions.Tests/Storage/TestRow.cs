using Hub.Core.Storage;

namespace Hub.Functions.Tests.Storage;

/// <summary>A row with a few column types, for the storage tests.</summary>
public sealed class TestRow : StoredEntity
{
    public string? Name { get; set; }

    public long Count { get; set; }

    public DateTimeOffset At { get; set; }
}
