namespace Hub.Core.Subjects;

/// <summary>One look at the person's record, from the audit trail.</summary>
/// <param name="Sequence">The event's place in the audit chain.</param>
/// <param name="Time">When.</param>
/// <param name="UserId">Who: the identity's id.</param>
/// <param name="Role">The role they acted in.</param>
/// <param name="Division">Their division.</param>
/// <param name="Action">What, e.g. <c>person.read</c>.</param>
/// <param name="Purpose">The purpose they declared.</param>
/// <param name="Outcome">allowed, denied or failed.</param>
/// <param name="BreakGlass">Whether emergency access was taken.</param>
/// <param name="Fields">The attributes the answer gave.</param>
public sealed record SubjectAccess(long Sequence, DateTimeOffset Time, string UserId, string? Role, string? Division, string Action, string? Purpose, string Outcome, bool BreakGlass, IReadOnlyList<string> Fields);
