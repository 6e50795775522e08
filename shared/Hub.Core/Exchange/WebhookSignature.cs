using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hub.Core.Exchange;

/// <summary>
/// Signs a push delivery as Standard Webhooks does, so that any receiver library for that scheme can check it: the
/// headers <c>webhook-id</c> (the delivery's id), <c>webhook-timestamp</c> (Unix seconds) and <c>webhook-signature</c>
/// (<c>v1,</c> and the base64 HMAC-SHA256 of <c>id.timestamp.body</c>). The timestamp is inside the signed text, so a
/// receiver that refuses old timestamps refuses a replayed delivery.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header carrying the delivery's id.</summary>
    public const string IdHeader = "webhook-id";

    /// <summary>The header carrying the time of signing, in Unix seconds.</summary>
    public const string TimestampHeader = "webhook-timestamp";

    /// <summary>The header carrying the signature.</summary>
    public const string SignatureHeader = "webhook-signature";

    private const string Version = "v1,";

    /// <summary>The <c>webhook-signature</c> value for a delivery.</summary>
    public static string Sign(WebhookSecret secret, string id, DateTimeOffset timestamp, ReadOnlySpan<byte> body) =>
        Version + Convert.ToBase64String(Mac(secret, id, timestamp.ToUnixTimeSeconds(), body));

    /// <summary>
    /// Whether a delivery is authentic and fresh: one of the space-separated <c>v1</c> signatures matches (compared in
    /// constant time), and the timestamp is within <paramref name="tolerance"/> of <paramref name="now"/>.
    /// </summary>
    public static bool Verify(WebhookSecret secret, string id, string timestamp, string signatures, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Mac(secret, id, seconds, body);
        Span<byte> given = stackalloc byte[64];
        foreach (var signature in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (signature.StartsWith(Version, StringComparison.Ordinal)
                && Convert.TryFromBase64String(signature[Version.Length..], given, out var length)
                && CryptographicOperations.FixedTimeEquals(given[..length], expected))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] Mac(WebhookSecret secret, string id, long seconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{seconds}."));
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret.Key.Span);
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
