namespace Hub.Functions.WebConsole;

/// <summary>The development sign-in: which sample identity to become.</summary>
internal sealed record DevelopmentSignInRequest(string? Identity);
