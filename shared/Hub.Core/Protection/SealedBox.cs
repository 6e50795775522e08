using System.Security.Cryptography;

namespace Hub.Core.Protection;

/// <summary>
/// Authenticated encryption of one value with AES-256-GCM: <c>version (1) | nonce (12) | tag (16) | ciphertext</c>,
/// base64. The context (where the value lives) is bound as associated data, so a value copied to another row or
/// another person does not open.
/// </summary>
internal static class SealedBox
{
    public const int KeySize = 32;

    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize;

    public static string Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> context)
    {
        Span<byte> nonce = stackalloc byte[NonceSize];
        RandomNumberGenerator.Fill(nonce);
        return Seal(key, plaintext, context, nonce);
    }

    /// <summary>Seals with a nonce the caller chose: a random one, or one derived from the value and its place (<see cref="DerivedSeal"/>).</summary>
    public static string Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> context, ReadOnlySpan<byte> chosenNonce)
    {
        var box = new byte[HeaderSize + plaintext.Length];
        box[0] = Version;
        var nonce = box.AsSpan(1, NonceSize);
        chosenNonce.CopyTo(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, box.AsSpan(HeaderSize), box.AsSpan(1 + NonceSize, TagSize), context);
        return Convert.ToBase64String(box);
    }

    /// <summary>The plaintext; throws <see cref="SealedValueException"/> when the box is malformed, was sealed with another key or belongs elsewhere.</summary>
    public static byte[] Open(ReadOnlySpan<byte> key, string box, ReadOnlySpan<byte> context)
    {
        var bytes = new byte[(box.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(box, bytes, out var length) || length < HeaderSize || bytes[0] != Version)
        {
            throw new SealedValueException("A sealed value is malformed.");
        }

        var plaintext = new byte[length - HeaderSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(bytes.AsSpan(1, NonceSize), bytes.AsSpan(HeaderSize, plaintext.Length), bytes.AsSpan(1 + NonceSize, TagSize), plaintext, context);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new SealedValueException("A sealed value does not open with its key: it was changed, moved or sealed with another key.", ex);
        }

        return plaintext;
    }
}
