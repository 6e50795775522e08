using System.Security.Cryptography;

namespace Hub.Core.Exchange;

/// <summary>
/// A push subscription's signing secret, in the Standard Webhooks form <c>whsec_</c> and the base64 of 32 random bytes.
/// The subscriber keeps it to check that a delivery came from the Hub; the Hub shows it once, when it is made.
/// </summary>
public readonly record struct WebhookSecret
{
    /// <summary>The prefix of a written secret.</summary>
    public const string Prefix = "whsec_";

    private const int KeyBytes = 32;

    private WebhookSecret(byte[] key) => Key = key;

    /// <summary>The HMAC key the secret stands for.</summary>
    public ReadOnlyMemory<byte> Key { get; }

    /// <summary>A new secret from the system's cryptographic random source.</summary>
    public static WebhookSecret Create() => new(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>Reads a written secret; false for anything but the prefix and the base64 of 24 to 64 bytes.</summary>
    public static bool TryParse(string? text, out WebhookSecret secret)
    {
        secret = default;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var key = new byte[64];
        if (!Convert.TryFromBase64String(text[Prefix.Length..], key, out var length) || length < 24)
        {
            return false;
        }

        secret = new WebhookSecret(key[..length]);
        return true;
    }

    /// <summary>The written form: <c>whsec_</c> and base64.</summary>
    public override string ToString() => Prefix + Convert.ToBase64String(Key.Span);
}
