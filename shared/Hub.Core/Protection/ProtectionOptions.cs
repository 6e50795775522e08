namespace Hub.Core.Protection;

/// <summary>
/// Configuration of the keys that protect sensitive values at rest: key-encryption keys by id, of which the current
/// one wraps new data keys. A key never leaves configuration (in Azure each is a Key Vault reference to a secret
/// version). Rotating means adding a key and making it current: each person's data key is wrapped again with it when
/// their person is next merged, or by the nightly reconciliation, which writes every view row out of step; the view's
/// copy of the key is wrapped again in the same write. After that night the old key can go. Values themselves are
/// never rewritten.
/// </summary>
public sealed class ProtectionOptions
{
    /// <summary>Configuration section: <c>Hub:Protection</c>.</summary>
    public const string SectionName = "Hub:Protection";

    /// <summary>Key-encryption keys by id (letters, digits and '-', up to 32), each base64 of exactly 32 bytes.</summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The id of the key that wraps new data keys; it must be one of <see cref="Keys"/>.</summary>
    public string? CurrentKey { get; set; }
}
