using Hub.Core.Identity.Rotation;

namespace Hub.Functions.PersonKeys;

/// <summary>A pepper rotation's stage and counts: no key, no value.</summary>
internal sealed record RotationView(string Stage, bool RetiredPepperConfigured, long KeysMapped, long RowsMoved, long RowsRemapped, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public static RotationView Of(RotationProgress progress) => new(
        progress.Stage.ToString().ToLowerInvariant(), progress.RetiredPepperConfigured, progress.KeysMapped, progress.RowsMoved, progress.RowsRemapped, progress.StartedAt, progress.FinishedAt);
}
