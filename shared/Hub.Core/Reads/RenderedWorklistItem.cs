using Hub.Core.Checks;

namespace Hub.Core.Reads;

/// <summary>A worklist item as a user may see it, rendered by the access policy like a person read.</summary>
/// <param name="Id">The item id.</param>
/// <param name="Rule">The check's id.</param>
/// <param name="Title">The check's title.</param>
/// <param name="Owner">The department that owns the benefit and decides.</param>
/// <param name="PersonKey">The person.</param>
/// <param name="Name">The person's name as rendered; null when hidden.</param>
/// <param name="Status"><c>open</c>, <c>confirmed</c>, <c>dismissed</c> or <c>resolved</c>.</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Streets">The streets (9 digits) of the person's residence and registration, whose offices see it.</param>
/// <param name="Evidence">The facts behind it.</param>
/// <param name="History">Every step, oldest first.</param>
public sealed record RenderedWorklistItem(
    string Id,
    string Rule,
    CheckTitle Title,
    string Owner,
    string PersonKey,
    string? Name,
    string Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<string> Streets,
    IReadOnlyList<RenderedEvidence> Evidence,
    IReadOnlyList<WorklistHistoryEntry> History);
