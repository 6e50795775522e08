using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Hub.Core.Protection;

/// <summary>
/// The key-encryption keys from <see cref="ProtectionOptions"/>: wraps a person's data key with the current key and
/// unwraps it with whichever key wrapped it, so values sealed under any data key stay readable across a rotation.
/// </summary>
public sealed class KeyRing
{
    private readonly Dictionary<string, byte[]> _keys;

    /// <summary>Loads the validated keys.</summary>
    public KeyRing(IOptions<ProtectionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _keys = value.Keys.ToDictionary(k => k.Key, k => TryDecodeKey(k.Value, out var key) ? key : throw new InvalidOperationException($"{ProtectionOptions.SectionName}:Keys:{k.Key} is not a 32-byte base64 key."), StringComparer.Ordinal);
        CurrentKey = value.CurrentKey is { } current && _keys.ContainsKey(current)
            ? current
            : throw new InvalidOperationException($"{ProtectionOptions.SectionName}:CurrentKey is not one of the configured keys.");
    }

    /// <summary>The id of the key new data keys are wrapped with.</summary>
    public string CurrentKey { get; }

    /// <summary>Whether <paramref name="id"/> names a configured key.</summary>
    public bool Has(string id) => _keys.ContainsKey(id);

    /// <summary>A fresh data key for <paramref name="owner"/>, wrapped with the current key.</summary>
    public WrappedDataKey NewDataKey(string owner)
    {
        var key = RandomNumberGenerator.GetBytes(SealedBox.KeySize);
        try
        {
            return Wrap(owner, key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// A fresh data key for <paramref name="owner"/>, wrapped with the current key as <see cref="NewDataKey"/> wraps it,
    /// and opened: a key just made need not be unwrapped again to be used.
    /// </summary>
    public (WrappedDataKey Wrapped, DataKey Key) NewOpenedDataKey(string owner)
    {
        var key = RandomNumberGenerator.GetBytes(SealedBox.KeySize);
        return (Wrap(owner, key), new DataKey(key));
    }

    /// <summary>Opens a wrapped data key; throws <see cref="SealedValueException"/> when its wrapping key is not configured or it does not open.</summary>
    public DataKey Unwrap(string owner, WrappedDataKey wrapped)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        if (!_keys.TryGetValue(wrapped.KeyId, out var kek))
        {
            throw new SealedValueException($"A data key is wrapped with key '{wrapped.KeyId}', which is not configured.");
        }

        return new DataKey(SealedBox.Open(kek, wrapped.Wrapped, WrapContext(owner)));
    }

    /// <summary>The same data key wrapped with the current key: rotation rewrites the key row, never the values.</summary>
    public WrappedDataKey Rewrap(string owner, WrappedDataKey wrapped)
    {
        var key = Unwrap(owner, wrapped);
        return Wrap(owner, key.Material);
    }

    /// <summary>
    /// The same data key wrapped with the current key for <paramref name="newOwner"/>: a person key that moves (a pepper
    /// rotation) keeps its data key, so its sealed values need no new key, only their new place.
    /// </summary>
    public WrappedDataKey Rewrap(string owner, WrappedDataKey wrapped, string newOwner)
    {
        var key = Unwrap(owner, wrapped);
        return Wrap(newOwner, key.Material);
    }

    /// <summary>
    /// A key for <paramref name="purpose"/> derived from the key-encryption key <paramref name="keyId"/> (HKDF-SHA256),
    /// for copies the Hub derives from its facts and can derive again (<see cref="DerivedSeal"/>); null when
    /// <paramref name="keyId"/> is not configured.
    /// </summary>
    internal byte[]? Derive(string keyId, string purpose) =>
        _keys.TryGetValue(keyId, out var kek)
            ? HKDF.DeriveKey(HashAlgorithmName.SHA256, kek, SealedBox.KeySize, salt: [], info: Encoding.UTF8.GetBytes("derived|" + purpose))
            : null;

    internal static bool IsKeyId(string id) => id.Length is >= 1 and <= 32 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    internal static bool TryDecodeKey(string? text, [NotNullWhen(true)] out byte[]? key)
    {
        var buffer = new byte[48];
        if (text is not null && Convert.TryFromBase64String(text, buffer, out var length) && length == SealedBox.KeySize)
        {
            key = buffer[..SealedBox.KeySize];
            return true;
        }

        key = null;
        return false;
    }

    private WrappedDataKey Wrap(string owner, ReadOnlySpan<byte> key) =>
        new(CurrentKey, SealedBox.Seal(_keys[CurrentKey], key, WrapContext(owner)));

    private static byte[] WrapContext(string owner) => Encoding.UTF8.GetBytes("data-key|" + owner);
}
