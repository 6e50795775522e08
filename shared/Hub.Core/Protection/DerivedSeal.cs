using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Hub.Core.Protection;

/// <summary>
/// Seals the copies the Hub derives from its facts (the resident and candidate indexes' match records, a worklist
/// item's evidence, a change event's values): AES-256-GCM under a key derived from the current key-encryption key,
/// with the nonce derived from the value and its place (an SIV construction), so the same value in the same place seals
/// to the same text. That keeps the index's comparisons (is this row unchanged?) working on sealed rows, and costs no
/// storage read: the key is derived, not stored. A box names the key it was derived from (<c>{keyId}.{box}</c>); after
/// a rotation the nightly reconciliation writes each derived row again under the new key, as it rebuilds any row out
/// of step. Equal values in one place are visibly equal; that is all a reader without the key learns.
/// </summary>
public sealed class DerivedSeal
{
    private const int NonceSize = 12;
    private const char Separator = '.';

    private readonly KeyRing _ring;
    private readonly string _purpose;
    private readonly ConcurrentDictionary<string, (byte[] Seal, byte[] Nonce)?> _keys = new(StringComparer.Ordinal);

    /// <summary>A seal for <paramref name="purpose"/> (one per kind of copy, e.g. <c>resident-index</c>).</summary>
    public DerivedSeal(KeyRing ring, string purpose)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        _ring = ring;
        _purpose = purpose;
    }

    /// <summary>Seals <paramref name="plaintext"/> for <paramref name="context"/> (whose value it is, where it lives).</summary>
    public string Seal(string plaintext, string context)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var (sealKey, nonceKey) = KeysOf(_ring.CurrentKey) ?? throw new SealedValueException("The current key is not configured.");
        var bytes = Encoding.UTF8.GetBytes(plaintext);
        var place = Encoding.UTF8.GetBytes(context);
        Span<byte> nonce = stackalloc byte[NonceSize];
        NonceOf(nonceKey, place, bytes, nonce);
        return _ring.CurrentKey + Separator + SealedBox.Seal(sealKey, bytes, place, nonce);
    }

    /// <summary>Opens a box sealed for <paramref name="context"/>; throws <see cref="SealedValueException"/> when it does not open.</summary>
    public string Open(string box, string context)
    {
        ArgumentNullException.ThrowIfNull(box);
        var separator = box.IndexOf(Separator, StringComparison.Ordinal);
        if (separator <= 0 || KeysOf(box[..separator]) is not { } keys)
        {
            throw new SealedValueException("A sealed value names no configured key.");
        }

        return Encoding.UTF8.GetString(SealedBox.Open(keys.Seal, box[(separator + 1)..], Encoding.UTF8.GetBytes(context)));
    }

    /// <summary>Whether <paramref name="text"/> is a box of this seal's shape (a stored copy written before sealing is not).</summary>
    public static bool IsSealed(string? text) =>
        text is { Length: > 0 } && text.IndexOf(Separator, StringComparison.Ordinal) is > 0 and var at && KeyRing.IsKeyId(text[..at]);

    private (byte[] Seal, byte[] Nonce)? KeysOf(string keyId) =>
        _keys.GetOrAdd(keyId, id => _ring.Derive(id, _purpose) is { } seal && _ring.Derive(id, _purpose + "|nonce") is { } nonce ? (seal, nonce) : null);

    private static void NonceOf(byte[] nonceKey, byte[] place, byte[] plaintext, Span<byte> nonce)
    {
        using var mac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, nonceKey);
        Span<byte> length = stackalloc byte[sizeof(int)];
        BitConverter.TryWriteBytes(length, place.Length);
        mac.AppendData(length);
        mac.AppendData(place);
        mac.AppendData(plaintext);
        Span<byte> digest = stackalloc byte[32];
        mac.GetHashAndReset(digest);
        digest[..NonceSize].CopyTo(nonce);
    }
}
