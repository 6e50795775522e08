using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Hub.Core.Kernel;

/// <summary>
/// A 12-digit statistical division code: province (2), city (2), county (2), street or township (3),
/// community or village (3). Shorter codes (6 or 9 digits) name a county or a street and are padded with zeros.
/// </summary>
public readonly record struct DivisionCode
{
    /// <summary>The form of a written code, as a regular expression: 12 digits, the first naming a province region (1 to 8).</summary>
    public const string JsonPattern = "^[1-8][0-9]{11}$";

    private DivisionCode(string value) => Value = value;

    /// <summary>The 12 digits.</summary>
    public string Value { get; }

    /// <summary>The street or township part: the first 9 digits.</summary>
    public string Street => Value[..9];

    /// <summary>The county part: the first 6 digits (GB/T 2260).</summary>
    public string County => Value[..6];

    /// <summary>
    /// The level this code names: the deepest level whose digits are not all zeros. A street office's code ends in
    /// 000 (<see cref="DivisionLevel.Street"/>), a district's in 000000 (<see cref="DivisionLevel.County"/>).
    /// </summary>
    public DivisionLevel Level => Prefix.Length switch
    {
        2 => DivisionLevel.Province,
        4 => DivisionLevel.City,
        6 => DivisionLevel.County,
        9 => DivisionLevel.Street,
        _ => DivisionLevel.Community,
    };

    /// <summary>
    /// The code without its trailing zero groups, cut at level boundaries (2, 4, 6, 9 or 12 digits): every code
    /// inside this division starts with it. <c>110105001000</c> gives <c>110105001</c>, <c>110105000000</c> gives
    /// <c>110105</c>.
    /// </summary>
    public string Prefix
    {
        get
        {
            foreach (var length in (ReadOnlySpan<int>)[2, 4, 6, 9])
            {
                if (Value.AsSpan(length).TrimStart('0').IsEmpty)
                {
                    return Value[..length];
                }
            }

            return Value;
        }
    }

    /// <summary>Whether <paramref name="other"/> lies inside this division (or is this division).</summary>
    public bool Contains(DivisionCode other) => other.Value.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Normalises full-width digits and separators, pads 6- and 9-digit codes, and checks the province.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DivisionCode? code, out string? reason)
    {
        code = null;
        reason = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            reason = "division code is empty";
            return false;
        }

        var digits = new StringBuilder(12);
        foreach (var c in WidthFolding.Fold(text))
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (!char.IsWhiteSpace(c) && c is not '-')
            {
                reason = "division code contains characters other than digits";
                return false;
            }
        }

        var value = digits.ToString();
        if (value.Length is 6 or 9)
        {
            value = value.PadRight(12, '0');
        }

        if (value.Length != 12)
        {
            reason = $"division code has {value.Length} digits, expected 12 (or 6 or 9)";
            return false;
        }

        if (value[0] is < '1' or > '8' || value.AsSpan(0, 2).SequenceEqual("00") || value.AsSpan(2, 4).SequenceEqual("0000"))
        {
            reason = "division code does not name a province, city and county";
            return false;
        }

        code = new DivisionCode(value);
        return true;
    }

    /// <summary>Parses a code that must be valid.</summary>
    public static DivisionCode Parse(string text) =>
        TryParse(text, out var code, out var reason) ? code.Value : throw new FormatException(reason);

    /// <inheritdoc />
    public override string ToString() => Value;
}
