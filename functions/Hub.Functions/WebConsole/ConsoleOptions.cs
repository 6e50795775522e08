namespace Hub.Functions.WebConsole;

/// <summary>
/// How the web console signs people in with Entra ID: the console's own single-page application registration and the
/// scope it asks for on the Hub's API. Unset in Development, where the console offers the sample identities instead.
/// </summary>
internal sealed class ConsoleOptions
{
    public const string SectionName = "Hub:Console";

    /// <summary>The application (client) id of the console's SPA registration in Entra ID.</summary>
    public string? ClientId { get; set; }

    /// <summary>The scope the console requests, e.g. <c>api://hub/user_impersonation</c> (the Hub API's delegated scope).</summary>
    public string? Scope { get; set; }
}
