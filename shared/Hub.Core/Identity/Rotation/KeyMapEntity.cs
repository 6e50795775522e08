using Hub.Core.Storage;

namespace Hub.Core.Identity.Rotation;

/// <summary>
/// One person key's row in the <c>keymap</c> table: under <c>o|{partition}</c> an old key names its new one, under
/// <c>n|{partition}</c> a new key names its old one, so the audit trail (which keeps old keys) and the new keys find
/// each other both ways.
/// </summary>
internal sealed class KeyMapEntity : StoredEntity
{
    public const string OldPrefix = "o|";
    public const string NewPrefix = "n|";

    /// <summary>The key this row's key maps to.</summary>
    public string Other { get; set; } = string.Empty;
}
