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

    /// <summary>
    /// The pepper being rotated away, base64, set only while a re-keying runs: person keys made with it still resolve,
    /// and the re-keying moves each of them to the key the current <see cref="Pepper"/> makes.
    /// </summary>
    public string? RetiredPepper { get; set; }

    /// <summary>
    /// How long a feed batch waits before it is tried again while a re-keying runs: its records would be keyed with the
    /// new pepper beside persons not moved yet, so ingestion is held, and nothing is lost (the batch's message comes back).
    /// </summary>
    public TimeSpan RotationHold { get; set; } = TimeSpan.FromMinutes(1);
}
