namespace Hub.Functions.Persons;

/// <summary>The owning department's answer to a correction request.</summary>
/// <param name="Decision"><c>accept</c> (the department corrects its register; its next feed brings the value) or <c>reject</c>.</param>
/// <param name="Answer">What the department tells the resident.</param>
internal sealed record CorrectionDecisionRequest(string? Decision, string? Answer);
