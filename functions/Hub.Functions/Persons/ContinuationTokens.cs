using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hub.Core.Access.Residents;
using Hub.Core.Identity.Keys;
using Hub.Core.Identity.Resolution;
using Microsoft.AspNetCore.WebUtilities;

namespace Hub.Functions.Persons;

/// <summary>
/// The Hub's own continuation tokens for resident lists and the steward queue: the last row's position and the time of
/// issue, signed with HMAC-SHA256 under a key derived from the person-key pepper, and bound to the user and the query
/// (each list's query text is its own, so a token of one list never reads as one of the other). A token changed by
/// one bit, issued to another user, sent with other filters or older than <see cref="Lifetime"/> does not verify, so
/// it can never steer a query somewhere else, nor page a list long after it was shown; within its lifetime the same
/// token may be sent again (a page reloaded, a request retried). The storage service's own tokens never leave the Hub.
/// </summary>
internal sealed class ContinuationTokens
{
    /// <summary>How long a token pages on after it was issued.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public ContinuationTokens(PersonKeyHasher hasher, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        _key = hasher.KeyedHash(Encoding.UTF8.GetBytes("hub/resident-list-continuation/v2"));
        _time = time;
    }

    /// <summary>A token for going on after <paramref name="position"/>, for <paramref name="subject"/>'s <paramref name="query"/>.</summary>
    public string Issue(ResidentListPosition position, string subject, string query)
    {
        ArgumentNullException.ThrowIfNull(position);
        return Issue(position.PartitionKey, position.RowKey, subject, query);
    }

    /// <summary>A token for going on after <paramref name="position"/> of the steward queue, for <paramref name="subject"/>'s <paramref name="query"/>.</summary>
    public string Issue(QueuePosition position, string subject, string query)
    {
        ArgumentNullException.ThrowIfNull(position);
        return Issue(position.SortKey, position.RecordKey, subject, query);
    }

    /// <summary>Reads a token issued for <paramref name="subject"/>'s <paramref name="query"/> within its lifetime; false for anything else.</summary>
    public bool TryRead(string token, string subject, string query, [NotNullWhen(true)] out ResidentListPosition? position)
    {
        position = TryRead(token, subject, query, out var first, out var second) ? new ResidentListPosition(first, second) : null;
        return position is not null;
    }

    /// <summary>Reads a steward queue token issued for <paramref name="subject"/>'s <paramref name="query"/> within its lifetime; false for anything else.</summary>
    public bool TryReadQueue(string token, string subject, string query, [NotNullWhen(true)] out QueuePosition? position)
    {
        position = TryRead(token, subject, query, out var first, out var second) ? new QueuePosition(first, second) : null;
        return position is not null;
    }

    private string Issue(string first, string second, string subject, string query)
    {
        var issued = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new[] { first, second, issued });
        return $"{WebEncoders.Base64UrlEncode(payload)}.{WebEncoders.Base64UrlEncode(Sign(payload, subject, query))}";
    }

    private bool TryRead(string token, string subject, string query, [NotNullWhen(true)] out string? first, [NotNullWhen(true)] out string? second)
    {
        first = second = null;
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || dot <= 0 || token.Length > 2048)
        {
            return false;
        }

        try
        {
            var payload = WebEncoders.Base64UrlDecode(token, 0, dot);
            var signature = WebEncoders.Base64UrlDecode(token, dot + 1, token.Length - dot - 1);
            if (!CryptographicOperations.FixedTimeEquals(signature, Sign(payload, subject, query))
                || JsonSerializer.Deserialize<string[]>(payload) is not [{ } one, { } two, { } issued]
                || !long.TryParse(issued, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                || _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) is var age && (age > Lifetime || age < -TimeSpan.FromMinutes(5)))
            {
                return false;
            }

            (first, second) = (one, two);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }

    private byte[] Sign(byte[] payload, string subject, string query)
    {
        var bound = Encoding.UTF8.GetBytes($"{subject}\n{query}\n");
        byte[] message = [.. bound, .. payload];
        return HMACSHA256.HashData(_key, message);
    }
}
