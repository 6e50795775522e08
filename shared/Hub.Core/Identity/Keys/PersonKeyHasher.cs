using System.Security.Cryptography;
using System.Text;
using Hub.Core.Kernel;
using Microsoft.Extensions.Options;

namespace Hub.Core.Identity.Keys;

/// <summary>Turns a resident ID number into its <see cref="PersonKey"/> with HMAC-SHA256 and the configured pepper.</summary>
public sealed class PersonKeyHasher : IPersonKeyHasher
{
    private readonly byte[] _pepper;

    /// <summary>Creates a hasher from validated options.</summary>
    public PersonKeyHasher(IOptions<PersonKeyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _pepper = Convert.FromBase64String(options.Value.Pepper ?? throw new InvalidOperationException("Hub:PersonKey:Pepper is not configured."));
        Retired = options.Value.RetiredPepper is { Length: > 0 } retired ? new PersonKeyHasher(Convert.FromBase64String(retired)) : null;
    }

    private PersonKeyHasher(byte[] pepper) => _pepper = pepper;

    /// <summary>The hasher of the pepper being rotated away, while a re-keying runs; null otherwise.</summary>
    public PersonKeyHasher? Retired { get; }

    /// <summary>
    /// The provisional key of a record kept without a usable ID number: a keyed hash of the source and of what
    /// identifies the record there (name, birth date, record key), so the same record pushed again keeps its key.
    /// Matching later links it to a person, or leaves it a provisional person of its own.
    /// </summary>
    /// <param name="source">The source that sent the record.</param>
    /// <param name="name">The record's name as normalised, if it has one.</param>
    /// <param name="birthDate">The record's birth date as normalised, if it has one.</param>
    /// <param name="discriminator">What tells the source's records of one person apart; empty when there is one.</param>
    public PersonKey HashUnidentified(SourceId source, string? name, string? birthDate, string discriminator)
    {
        var identity = string.Join('|', "unidentified", source.Value, name, birthDate, discriminator);
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_pepper, Encoding.UTF8.GetBytes(identity), hash);
        return PersonKey.FromHash(hash);
    }

    /// <summary>A keyed hash (HMAC-SHA256 with the pepper) for other keys made from personal data, such as household keys.</summary>
    public byte[] KeyedHash(byte[] data) => HMACSHA256.HashData(_pepper, data);

    /// <summary>Computes the person key of a validated ID number.</summary>
    public PersonKey Hash(ResidentId id)
    {
        Span<byte> input = stackalloc byte[18];
        Encoding.ASCII.GetBytes(id.Value, input);
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_pepper, input, hash);
        return PersonKey.FromHash(hash);
    }
}
