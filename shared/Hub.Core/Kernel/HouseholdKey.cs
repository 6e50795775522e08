using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hub.Core.Kernel;

/// <summary>
/// The key of a household, safe as a table key: <c>h</c> and a keyed hash of the household number (户号) when one is
/// known, else <c>a</c> and a keyed hash of the normalised registration address. The clear number and address are
/// personal data; the hash is computed by a function the caller supplies with its secret pepper.
/// </summary>
public readonly record struct HouseholdKey
{
    /// <summary>The form of a written key, as a regular expression: <c>h</c> or <c>a</c> and 32 lower-case hex characters.</summary>
    public const string JsonPattern = "^[ha][0-9a-f]{32}$";

    private const int HashHexLength = 32;
    private const char NumberPrefix = 'h';
    private const char AddressPrefix = 'a';

    // Traditional forms of the characters addresses are made of; a clerk using a traditional-character input method
    // writes 號 and 樓 for 号 and 楼. Not a general converter: only what decides whether two addresses are one.
    private const string TraditionalForms = "號樓棟單區門東園裏裡莊華層灣臺鎮縣鄉條衚衕寧興陽長廣雲館豐運關龍鳳";
    private const string SimplifiedForms = "号楼栋单区门东园里里庄华层湾台镇县乡条胡同宁兴阳长广云馆丰运关龙凤";

    private HouseholdKey(string value) => Value = value;

    /// <summary><c>h</c> or <c>a</c> followed by 32 lower-case hex characters (128 bits of the keyed hash).</summary>
    public string Value { get; }

    /// <summary>What the key was computed from.</summary>
    public HouseholdKeyBasis Basis => Value[0] == NumberPrefix ? HouseholdKeyBasis.HouseholdNumber : HouseholdKeyBasis.RegistrationAddress;

    /// <summary>
    /// The household key of a person: from <paramref name="householdNumber"/> when there is one, else from
    /// <paramref name="registrationAddress"/>; null when neither gives anything to hash.
    /// </summary>
    /// <param name="householdNumber">户号, as the register writes it.</param>
    /// <param name="registrationAddress">The household-registration address.</param>
    /// <param name="keyedHash">A keyed hash (e.g. <see cref="HmacSha256"/> with the pepper) returning at least 16 bytes.</param>
    public static HouseholdKey? Create(string? householdNumber, string? registrationAddress, Func<byte[], byte[]> keyedHash)
    {
        ArgumentNullException.ThrowIfNull(keyedHash);
        var number = NormaliseHouseholdNumber(householdNumber);
        if (number.Length > 0)
        {
            return Hash(NumberPrefix, "household-number:" + number, keyedHash);
        }

        var address = NormaliseAddress(registrationAddress);
        return address.Length > 0 ? Hash(AddressPrefix, "registration-address:" + address, keyedHash) : null;
    }

    /// <summary>A keyed hash with HMAC-SHA256 and <paramref name="pepper"/>, for <see cref="Create"/>.</summary>
    public static Func<byte[], byte[]> HmacSha256(byte[] pepper)
    {
        ArgumentNullException.ThrowIfNull(pepper);
        if (pepper.Length < 16)
        {
            throw new ArgumentException("The household key pepper must be at least 16 bytes.", nameof(pepper));
        }

        var key = pepper.ToArray();
        return data => HMACSHA256.HashData(key, data);
    }

    /// <summary>A household number in one spelling: width-normalised, without whitespace, Latin letters upper-case.</summary>
    public static string NormaliseHouseholdNumber(string? number) =>
        number is null ? string.Empty : string.Concat(WidthFolding.Fold(number).Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>
    /// A registration address in one spelling: NFKC (full-width digits and letters become ASCII), traditional address
    /// characters simplified (號 → 号), <c>#</c> read as 号, whitespace and punctuation removed, Latin letters upper-case.
    /// Dashes are kept as <c>-</c>: <c>1-12</c> and <c>11-2</c> are different flats.
    /// </summary>
    public static string NormaliseAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return string.Empty;
        }

        var normalised = new StringBuilder(address.Length);
        foreach (var c in WidthFolding.Fold(address))
        {
            if (c is '-' or '‐' or '‑' or '‒' or '–' or '—' or '―' or '−')
            {
                normalised.Append('-');
            }
            else if (c == '#')
            {
                normalised.Append('号');
            }
            else if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsControl(c))
            {
                continue;
            }
            else
            {
                var traditional = TraditionalForms.IndexOf(c, StringComparison.Ordinal);
                normalised.Append(traditional >= 0 ? SimplifiedForms[traditional] : char.ToUpperInvariant(c));
            }
        }

        return normalised.ToString();
    }

    /// <summary>Wraps a key computed earlier; rejects anything that is not <c>h</c> or <c>a</c> and 32 lower-case hex characters.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out HouseholdKey? key)
    {
        key = null;
        if (text is not { Length: HashHexLength + 1 } || text[0] is not (NumberPrefix or AddressPrefix) || !text.Skip(1).All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        key = new HouseholdKey(text);
        return true;
    }

    /// <summary>Wraps a key computed earlier.</summary>
    public static HouseholdKey Parse(string text) =>
        TryParse(text, out var key) ? key.Value : throw new FormatException("A household key is 'h' or 'a' followed by 32 lower-case hex characters.");

    /// <inheritdoc />
    public override string ToString() => Value;

    private static HouseholdKey Hash(char prefix, string text, Func<byte[], byte[]> keyedHash)
    {
        // The prefix in the hashed text keeps a number and an address that happen to be spelt alike apart, and keeps
        // both apart from person keys if the same pepper is used for those.
        var hash = keyedHash(Encoding.UTF8.GetBytes(text));
        if (hash is null || hash.Length < HashHexLength / 2)
        {
            throw new InvalidOperationException("The household key hash must return at least 16 bytes.");
        }

        return new HouseholdKey(string.Create(CultureInfo.InvariantCulture, $"{prefix}{Convert.ToHexStringLower(hash.AsSpan(0, HashHexLength / 2))}"));
    }
}
