using Hub.Core.Kernel;

namespace Hub.Core.Checks;

/// <summary>Which index a list reads: a department's partition, or the street partitions under a division.</summary>
/// <param name="Department">The owning department, for a department's officer; null for an area.</param>
/// <param name="Division">The division whose streets are read, for street, community and grid workers and district officers.</param>
/// <param name="Streets">For a division at a street or below, the street partitions to read (a merged street's old and
/// new codes); empty reads the division's own street.</param>
public sealed record WorklistScope(SourceId? Department, DivisionCode Division, IReadOnlyList<string>? Streets = null);
