namespace Hub.Functions.Access;

/// <summary>How the Hub validates bearer tokens.</summary>
internal sealed class HubAuthOptions
{
    public const string SectionName = "Hub:Auth";

    /// <summary>The Entra ID authority, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>. Required outside Development.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must carry: the Hub's application ID URI or client id.</summary>
    public string Audience { get; set; } = "hub";
}
