using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hub.Core.Identity;
using Hub.Core.Residents;
using Microsoft.AspNetCore.WebUtilities;

namespace Hub.Functions.Persons;

/// <summary>
/// The Hub's own continuation tokens for resident lists: the last row's position, signed with HMAC-SHA256 under a key
/// derived from the person-key pepper, and bound to the user and the query. A token changed by one bit, issued to
/// another user or replayed with other filters does not verify, so it can never steer a query somewhere else; the
/// storage service's own tokens never leave the Hub.
/// </summary>
internal sealed class ContinuationTokens
{
    private readonly byte[] _key;

    public ContinuationTokens(PersonKeyHasher hasher)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        _key = hasher.KeyedHash(Encoding.UTF8.GetBytes("hub/resident-list-continuation/v1"));
    }

    /// <summary>A token for going on after <paramref name="position"/>, for <paramref name="subject"/>'s <paramref name="query"/>.</summary>
    public string Issue(ResidentListPosition position, string subject, string query)
    {
        ArgumentNullException.ThrowIfNull(position);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new[] { position.PartitionKey, position.RowKey });
        return $"{WebEncoders.Base64UrlEncode(payload)}.{WebEncoders.Base64UrlEncode(Sign(payload, subject, query))}";
    }

    /// <summary>Reads a token issued for <paramref name="subject"/>'s <paramref name="query"/>; false for anything else.</summary>
    public bool TryRead(string token, string subject, string query, [NotNullWhen(true)] out ResidentListPosition? position)
    {
        position = null;
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
                || JsonSerializer.Deserialize<string[]>(payload) is not [{ } partition, { } row])
            {
                return false;
            }

            position = new ResidentListPosition(partition, row);
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
