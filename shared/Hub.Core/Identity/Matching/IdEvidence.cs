using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Hub.Core.Kernel;

namespace Hub.Core.Identity.Matching;

/// <summary>
/// What survives of an ID number the Hub cannot use: the number typed whole but wrong (a mistyped digit, a wrong
/// or dropped check character), or only its leading digits (a spreadsheet's <c>1.10105E+17</c> keeps the 6-digit
/// address code). It cannot identify a person, but it can agree with a candidate's number or contradict it.
/// </summary>
/// <remarks><see cref="ToString"/> never returns the digits: they are personal data.</remarks>
public readonly partial record struct IdEvidence
{
    private IdEvidence(string digits, bool isComplete)
    {
        Digits = digits;
        IsComplete = isComplete;
    }

    /// <summary>
    /// The characters known, from the start of the number: 17 to 19 when <see cref="IsComplete"/>, otherwise the
    /// leading digits that survived (at least the 6-digit address code).
    /// </summary>
    public string Digits { get; }

    /// <summary>
    /// True when the whole number was typed (17 to 19 characters) but is not a valid ID: it is compared position by
    /// position and allows one typing error. False when only a leading part survived.
    /// </summary>
    public bool IsComplete { get; }

    /// <summary>The 6-digit address code the number starts with.</summary>
    public string AddressCode => Digits[..6];

    /// <summary>The first 17 characters (address code, birth date, sequence) when the whole number was typed.</summary>
    public string? Body => IsComplete && Digits.Length >= 17 ? Digits[..17] : null;

    /// <summary>The birth date the number carries, when its digits 7 to 14 survived and form a date.</summary>
    public DateOnly? BirthDate =>
        Digits.Length >= 14 && DateOnly.TryParseExact(Digits.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>The sex the sequence digit carries (odd for male), when the whole number was typed.</summary>
    public Sex? Sex => Body is { } body ? ((body[16] - '0') % 2 == 1 ? Kernel.Sex.Male : Kernel.Sex.Female) : null;

    /// <summary>
    /// Reads the evidence in an ID cell that <see cref="ResidentId"/> refused (a wrong check character, an unknown
    /// address code, a birth after the feed's date). False when nothing useful survives: an empty cell, letters, or
    /// fewer than 6 digits.
    /// </summary>
    public static bool TryRead(string? text, out IdEvidence evidence)
    {
        evidence = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var cleaned = Clean(text);
        var scientific = ScientificNotation().Match(cleaned);
        if (scientific.Success)
        {
            return TryReadScientific(scientific, out evidence);
        }

        var body = cleaned.EndsWith('X') ? cleaned[..^1] : cleaned;
        if (body.Length < 6 || body.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        // 17 to 19 characters: the number was typed whole, with a character dropped, added or mistyped. Anything
        // shorter or longer is compared on its address code only, the part least likely to have been mangled.
        evidence = cleaned.Length is >= 17 and <= 19 ? new IdEvidence(cleaned, isComplete: true) : new IdEvidence(body[..6], isComplete: false);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => "IdEvidence(redacted)";

    private static bool TryReadScientific(Match match, out IdEvidence evidence)
    {
        evidence = default;
        var exponent = int.Parse(match.Groups["exponent"].Value, CultureInfo.InvariantCulture);
        if (exponent != 17)
        {
            return false;
        }

        // Excel's General format shows six significant digits and drops trailing zeros, so 110100… reads 1.101E+17.
        // The sixth digit is never rounded up: the seventh is the first digit of the birth year, 1 or 2. With more
        // digits shown the last may be rounded, so it is not trusted.
        var digits = match.Groups["lead"].Value + match.Groups["fraction"].Value;
        digits = digits.Length <= 6 ? digits.PadRight(6, '0') : digits[..^1];
        evidence = new IdEvidence(digits, isComplete: false);
        return true;
    }

    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in WidthFolding.Fold(text))
        {
            if (char.IsWhiteSpace(c) || c is '-' or '\'' or '"')
            {
                continue;
            }

            builder.Append(c == 'x' ? 'X' : char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^(?<lead>[1-9])(\.(?<fraction>\d+))?E\+?(?<exponent>\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex ScientificNotation();
}
