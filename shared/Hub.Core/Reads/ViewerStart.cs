using System.Diagnostics.CodeAnalysis;

namespace Hub.Core.Reads;

/// <summary>The start of a look: the viewer, or why there is none.</summary>
/// <param name="Viewer">The viewer; null when refused.</param>
/// <param name="Refusal">Why the look cannot start; null when it can.</param>
public sealed record ViewerStart(PersonViewer? Viewer, ViewerRefusal? Refusal)
{
    /// <summary>Whether the look started.</summary>
    [MemberNotNullWhen(true, nameof(Viewer))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Started => Viewer is not null;
}
