using Hub.Core.Storage;

namespace Hub.Core.Audit;

/// <summary>
/// What closing a day writes over its head (a merge): only <c>Next</c>, the day the chain continues in, so the
/// head's other columns stay as the last append wrote them.
/// </summary>
internal sealed class AuditChainCloseEntity : StoredEntity
{
    /// <summary>The partition the chain continues in.</summary>
    public string Next { get; set; } = string.Empty;
}
