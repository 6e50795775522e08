using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Hub.Core.Identity;

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
