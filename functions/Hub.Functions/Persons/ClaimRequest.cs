namespace Hub.Functions.Persons;

/// <summary>
/// A claim to verify: <c>inGroup</c> (<see cref="Group"/> on <see cref="On"/>), <c>disabilityGradeAtMost</c>
/// (<see cref="Grade"/>, 1 the most severe, on <see cref="On"/>) or <c>livesIn</c> (<see cref="Division"/>).
/// </summary>
internal sealed record ClaimRequest(string? Kind, string? Group = null, DateOnly? On = null, int? Grade = null, string? Division = null);
