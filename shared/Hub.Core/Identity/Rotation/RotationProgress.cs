namespace Hub.Core.Identity.Rotation;

/// <summary>A pepper rotation's stage and counts, as an administrator sees them; no key, no value.</summary>
/// <param name="Stage">Where the rotation stands.</param>
/// <param name="RetiredPepperConfigured">Whether <c>Hub:PersonKey:RetiredPepper</c> is set, so a rotation can run.</param>
/// <param name="KeysMapped">Old person keys given a new one.</param>
/// <param name="RowsMoved">Facts-table rows moved to new keys.</param>
/// <param name="RowsRemapped">Rows of the worklist, grants, correction requests and steward's queue that now name new keys.</param>
/// <param name="StartedAt">When the rotation started; null when none has.</param>
/// <param name="FinishedAt">When it finished; null while it runs.</param>
public sealed record RotationProgress(RotationStage Stage, bool RetiredPepperConfigured, long KeysMapped, long RowsMoved, long RowsRemapped, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);
