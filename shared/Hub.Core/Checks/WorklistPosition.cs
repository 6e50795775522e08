namespace Hub.Core.Checks;

/// <summary>Where a worklist list stopped: the keys of the last index row it read.</summary>
/// <param name="PartitionKey">The index partition.</param>
/// <param name="RowKey">The row key.</param>
public sealed record WorklistPosition(string PartitionKey, string RowKey);
