namespace Hub.Core.Access.Residents;

/// <summary>Where a list stopped: the last row returned. The next page starts after it.</summary>
/// <param name="PartitionKey">The row's street.</param>
/// <param name="RowKey">The row's key.</param>
public sealed record ResidentListPosition(string PartitionKey, string RowKey);
