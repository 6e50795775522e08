using Hub.Core.Storage;

namespace Hub.Core.Audit;

/// <summary>The policy files in force at the last start, beside the chain in table <c>audit</c>.</summary>
internal sealed class PolicyStateEntity : StoredEntity
{
    /// <summary>File name → SHA-256, as JSON.</summary>
    public string? Files { get; set; }
}
