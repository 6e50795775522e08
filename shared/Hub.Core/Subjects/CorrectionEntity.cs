using Hub.Core.Storage;

namespace Hub.Core.Subjects;

/// <summary>
/// A correction request as table <c>corrections</c> stores it. Partition: the owning department's source id, so a
/// department's list is one partition and no other department's request can be reached by id; row: the id, newest first.
/// </summary>
internal sealed class CorrectionEntity : StoredEntity
{
    public string PersonKey { get; set; } = string.Empty;

    public string Attribute { get; set; } = string.Empty;

    public string CurrentValue { get; set; } = string.Empty;

    public string ProposedValue { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;

    public string Batch { get; set; } = string.Empty;

    public string RequestedBy { get; set; } = string.Empty;

    public string? RequestedDivision { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public string Status { get; set; } = string.Empty;

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? Answer { get; set; }
}
