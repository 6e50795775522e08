namespace Hub.Functions.WebConsole;

/// <summary>What the console needs to start: how to sign in, and the purposes a user may declare.</summary>
/// <param name="SignIn"><c>development</c> (sample identities), <c>entra</c> (Entra ID, authorization code with PKCE) or <c>unavailable</c>.</param>
/// <param name="Authority">The Entra ID authority (tenant), for <c>entra</c>.</param>
/// <param name="ClientId">The console's SPA client id, for <c>entra</c>.</param>
/// <param name="Scope">The scope requested on the Hub's API, for <c>entra</c>.</param>
/// <param name="Purposes">The access policy's purposes with their (Chinese) labels.</param>
internal sealed record ConsoleSettings(string SignIn, string? Authority, string? ClientId, string? Scope, IReadOnlyList<ConsolePurpose> Purposes);
