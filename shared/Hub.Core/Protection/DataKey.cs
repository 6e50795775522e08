using System.Text;

namespace Hub.Core.Protection;

/// <summary>
/// One person's data key, opened: seals and opens their sensitive values. Erasing the person deletes the wrapped key,
/// after which every copy of their sealed values, wherever it lingers, stays closed.
/// </summary>
public sealed class DataKey
{
    internal DataKey(byte[] material) => Material = material;

    internal byte[] Material { get; }

    /// <summary>Seals <paramref name="plaintext"/> for the place <paramref name="context"/> (a row and property).</summary>
    public string Seal(string plaintext, string context) =>
        SealedBox.Seal(Material, Encoding.UTF8.GetBytes(plaintext), Encoding.UTF8.GetBytes(context));

    /// <summary>Opens a value sealed for <paramref name="context"/>.</summary>
    public string Open(string box, string context) =>
        Encoding.UTF8.GetString(SealedBox.Open(Material, box, Encoding.UTF8.GetBytes(context)));
}
