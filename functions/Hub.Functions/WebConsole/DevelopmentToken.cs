namespace Hub.Functions.WebConsole;

/// <summary>A development token for a sample identity, and when it expires.</summary>
internal sealed record DevelopmentToken(string AccessToken, DateTimeOffset ExpiresAt, SampleIdentity Identity);
