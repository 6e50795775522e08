namespace Hub.Functions.Persons;

/// <summary>A page of residents and the token for the next page (null after the last).</summary>
internal sealed record ResidentsPage(IReadOnlyList<ResidentItem> Items, DateOnly ActiveOn, string? Continuation);
