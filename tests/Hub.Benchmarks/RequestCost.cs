namespace Hub.Benchmarks;

/// <summary>What one request cost, on average: storage operations in all, audit events, and the audit trail's share.</summary>
/// <param name="StorageOperations">Every storage request the Hub sent, the audit trail's included.</param>
/// <param name="AuditEvents">Events appended to the chain.</param>
/// <param name="ChainWrites">Transactions on the chain table, which the request waits for.</param>
/// <param name="IndexWrites">Transactions on the "who looked at this person" index, written after the answer.</param>
internal sealed record RequestCost(double StorageOperations, double AuditEvents, double ChainWrites, double IndexWrites)
{
    /// <summary>Per table, the requests and the entities they touched (a transaction's every entity), per request.</summary>
    public IReadOnlyDictionary<string, (double Requests, double Entities)> Tables { get; init; } = new Dictionary<string, (double, double)>();
}
