namespace Hub.Functions.Persons;

/// <summary>The body of a person look-up: the ID number travels here, never in a URL or a log.</summary>
/// <param name="ResidentId">The resident ID number, 18 or 15 characters.</param>
/// <param name="Purpose">The declared purpose, e.g. <c>home-visit</c>.</param>
internal sealed record PersonLookup(string? ResidentId, string? Purpose);
