using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hub.Core.Audit;

/// <summary>
/// The exact bytes an audit event is hashed over, and the chain hash.
/// </summary>
/// <remarks>
/// Canonical form, version 1: a sequence of 17 fields, each written as a 4-byte big-endian length followed by that
/// many bytes of UTF-8; an absent (null) value is the length 0xFFFFFFFF and no bytes. A length prefix instead of
/// JSON leaves nothing to an encoder's escaping rules, so any language can rebuild the bytes. The fields, in order:
/// <list type="number">
/// <item>the format tag <c>hub-audit-v1</c>;</item>
/// <item>the sequence number in decimal;</item>
/// <item>the time in UTC as <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>;</item>
/// <item>user id; 5. role; 6. division; 7. client application id; 8. client address;</item>
/// <item value="9">the action, e.g. <c>person.read</c>; 10. the resource;</item>
/// <item value="11">the person keys in recorded order, joined with <c>,</c> (empty when none);</item>
/// <item>the disclosed fields in recorded order as <c>name=masked</c> or <c>name=shown</c>, joined with <c>,</c>;</item>
/// <item>purpose; 14. break-glass reason;</item>
/// <item value="15">the outcome: <c>allowed</c>, <c>denied</c> or <c>failed</c>; 16. the record count in decimal;</item>
/// <item value="17">the correlation id.</item>
/// </list>
/// The chain hash of event n is SHA-256(hash of event n-1 as 32 raw bytes ‖ canonical form of event n); before
/// the first event it is 32 zero bytes. The sequence number is inside the hashed bytes, so an event cannot be moved
/// to another place in the chain without its hash changing.
/// </remarks>
internal static class AuditCanonicalForm
{
    public const string FormatTag = "hub-audit-v1";

    public static string GenesisHash { get; } = new('0', 64);

    public static byte[] Serialise(long sequence, DateTimeOffset time, AuditEvent auditEvent)
    {
        using var buffer = new MemoryStream(512);
        Write(buffer, FormatTag);
        Write(buffer, sequence.ToString(CultureInfo.InvariantCulture));
        Write(buffer, FormatTime(time));
        Write(buffer, auditEvent.Actor.UserId);
        Write(buffer, auditEvent.Actor.Role);
        Write(buffer, auditEvent.Actor.Division);
        Write(buffer, auditEvent.Actor.ClientApplicationId);
        Write(buffer, auditEvent.Actor.ClientAddress);
        Write(buffer, auditEvent.Action.Value);
        Write(buffer, auditEvent.Resource);
        Write(buffer, JoinPersonKeys(auditEvent));
        Write(buffer, JoinFields(auditEvent));
        Write(buffer, auditEvent.Purpose);
        Write(buffer, auditEvent.BreakGlassReason);
        Write(buffer, FormatOutcome(auditEvent.Outcome));
        Write(buffer, auditEvent.RecordCount.ToString(CultureInfo.InvariantCulture));
        Write(buffer, auditEvent.CorrelationId);
        return buffer.ToArray();
    }

    /// <summary>The chain hash of an event, as lower-case hex.</summary>
    public static string ChainHash(string previousHash, long sequence, DateTimeOffset time, AuditEvent auditEvent)
    {
        var canonical = Serialise(sequence, time, auditEvent);
        var input = new byte[32 + canonical.Length];
        Convert.FromHexString(previousHash).CopyTo(input, 0);
        canonical.CopyTo(input, 32);
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string FormatOutcome(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Allowed => "allowed",
        AuditOutcome.Denied => "denied",
        AuditOutcome.Failed => "failed",

        // Only a row edited in storage holds anything else; it must still hash (differently), not stop the verifier.
        _ => "invalid",
    };

    public static AuditOutcome ParseOutcome(string text) => text switch
    {
        "allowed" => AuditOutcome.Allowed,
        "denied" => AuditOutcome.Denied,
        "failed" => AuditOutcome.Failed,
        _ => throw new FormatException("An audit outcome is allowed, denied or failed."),
    };

    public static string JoinPersonKeys(AuditEvent auditEvent) => string.Join(',', auditEvent.PersonKeys.Select(k => k.Value));

    public static string JoinFields(AuditEvent auditEvent) => string.Join(',', auditEvent.Fields.Select(f => f.Name + (f.Masked ? "=masked" : "=shown")));

    private static void Write(MemoryStream buffer, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteUInt32BigEndian(length, uint.MaxValue);
            buffer.Write(length);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
