namespace Hub.Core.Subjects;

/// <summary>A special-group membership as the report shows it.</summary>
/// <param name="Group">The group, e.g. <c>dibao</c>.</param>
/// <param name="Source">The department that states it.</param>
/// <param name="Batch">The batch of the fact it comes from.</param>
/// <param name="ValidFrom">The first day.</param>
/// <param name="LastDay">The last day; null when open-ended.</param>
/// <param name="Active">Whether it is active on the report's day.</param>
/// <param name="Details">The group's details (category, grade, amount…).</param>
public sealed record SubjectMembership(string Group, string Source, string Batch, DateOnly ValidFrom, DateOnly? LastDay, bool Active, IReadOnlyDictionary<string, string> Details);
