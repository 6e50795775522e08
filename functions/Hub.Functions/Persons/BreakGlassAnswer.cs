namespace Hub.Functions.Persons;

/// <summary>A granted break-glass: for whom, until when, and the purpose its looks count as.</summary>
internal sealed record BreakGlassAnswer(string PersonKey, DateTimeOffset GrantedAt, DateTimeOffset ExpiresAt, string Purpose);
