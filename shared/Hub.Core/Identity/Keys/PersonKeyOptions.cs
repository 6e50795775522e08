namespace Hub.Core.Identity.Keys;

/// <summary>Configuration of the person-key hash.</summary>
public sealed class PersonKeyOptions
{
    /// <summary>Configuration section: <c>Hub:PersonKey</c>.</summary>
    public const string SectionName = "Hub:PersonKey";

    /// <summary>
    /// The secret pepper, base64, at least 32 bytes. In Azure it comes from Key Vault; changing it changes every
    /// person key, so it is rotated only together with a re-keying of stored data.
    /// </summary>
    public string? Pepper { get; set; }
}
