using System.Security.Cryptography;
using System.Text;
using Hub.Core.Feeds;
using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;
using Microsoft.Extensions.Options;

namespace Hub.Core.Identity.Keys;

/// <summary>Turns a resident ID number into its <see cref="PersonKey"/> with HMAC-SHA256 and the configured pepper.</summary>
public sealed class PersonKeyHasher
{
    private readonly byte[] _pepper;

    /// <summary>Creates a hasher from validated options.</summary>
    public PersonKeyHasher(IOptions<PersonKeyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _pepper = Convert.FromBase64String(options.Value.Pepper ?? throw new InvalidOperationException("Hub:PersonKey:Pepper is not configured."));
    }

    /// <summary>
    /// The provisional key of a record kept without a usable ID number: a keyed hash of the source and of what
    /// identifies the record there (name, birth date, record key), so the same record pushed again keeps its key.
    /// Matching later links it to a person, or leaves it a provisional person of its own.
    /// </summary>
    public PersonKey HashUnidentified(SourceMapping mapping, NormalisedRecord record)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(record);
        var name = mapping.Fields.Where(f => f.Type == FieldType.Name).Select(f => record.Attributes.GetValueOrDefault(f.Attribute)).FirstOrDefault(v => v is not null);
        var identity = string.Join('|', "unidentified", mapping.Id, name, record.Attributes.GetValueOrDefault("birthDate"), record.Discriminator);
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
