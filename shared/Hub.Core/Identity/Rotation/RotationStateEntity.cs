using Hub.Core.Storage;

namespace Hub.Core.Identity.Rotation;

/// <summary>
/// How far a pepper rotation has come, in partition <c>state</c> of table <c>keymap</c>: row <c>rotation</c> holds the
/// stage and counts; rows <c>mapped|p0a3</c> and <c>moved|p0a3</c> mark a facts partition done, so a run stopped half
/// way starts again where it stopped.
/// </summary>
internal sealed class RotationStateEntity : StoredEntity
{
    public const string Partition = "state";
    public const string Rotation = "rotation";

    public RotationStateEntity() => PartitionKey = Partition;

    /// <summary>Which pair of peppers the rotation moves between: a fingerprint of the current pepper, never the pepper.</summary>
    public string Pepper { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public long KeysMapped { get; set; }

    public long RowsMoved { get; set; }

    public long RowsRemapped { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public static string Mapped(int partition) => $"mapped|{Kernel.PersonKey.FormatPartition(partition)}";

    public static string Moved(int partition) => $"moved|{Kernel.PersonKey.FormatPartition(partition)}";

    public static string Remapped(int partition) => $"remapped|{Kernel.PersonKey.FormatPartition(partition)}";
}
