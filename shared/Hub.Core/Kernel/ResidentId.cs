using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Hub.Core.Kernel;

/// <summary>
/// An 18-character resident identity number (GB 11643-1999): 6-digit address code, 8-digit birth date,
/// 3-digit sequence (odd for men) and an ISO 7064 MOD 11-2 check character.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> never returns the number: it is personal data and must not reach a log or an
/// exception message by accident. Read <see cref="Value"/> deliberately where the number is needed.
/// </remarks>
public readonly partial record struct ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ResidentId(string value) => Value = value;

    /// <summary>The normalised 18-character number: digits and an upper-case <c>X</c> check character.</summary>
    public string Value { get; }

    /// <summary>The birth date encoded in the number.</summary>
    public DateOnly BirthDate => DateOnly.ParseExact(Value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The sex encoded in the sequence digits: odd for male, even for female.</summary>
    public Sex Sex => (Value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>The county-level address code of the original household registration.</summary>
    public string AddressCode => Value[..6];

    /// <summary>
    /// Normalises and validates <paramref name="text"/>: full-width digits, spaces and a lower-case <c>x</c> are
    /// accepted, 15-digit numbers are upgraded to 18. A number a spreadsheet turned into <c>1.10105E+17</c> is
    /// refused, never guessed at. The address code must be a division of GB/T 2260 at some time since 1980
    /// (<see cref="AddressCodes"/>). The birth date is not compared with any day: a feed's records go through
    /// <see cref="TryParse(string?, DateOnly, out ResidentId?, out string?)"/>, which also refuses births after it.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ResidentId? id, out string? reason)
    {
        id = null;
        reason = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            reason = "ID number is empty";
            return false;
        }

        var normalised = Clean(text);
        if (ScientificNotation().IsMatch(normalised))
        {
            reason = "ID number was turned into a number by a spreadsheet (scientific notation); its digits are lost, export the column as text";
            return false;
        }

        if (normalised.Length == 15 && normalised.All(char.IsAsciiDigit))
        {
            normalised = Upgrade(normalised);
        }

        if (normalised.Length != 18)
        {
            reason = $"ID number has {normalised.Length} characters, expected 18 (or 15 for a legacy number)";
            return false;
        }

        if (normalised.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(normalised[17]) || normalised[17] == 'X'))
        {
            reason = "ID number contains characters other than digits and a final X";
            return false;
        }

        if (!DateOnly.TryParseExact(normalised.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1850)
        {
            reason = "ID number has an impossible birth date";
            return false;
        }

        if (CheckCharacter(normalised.AsSpan(0, 17)) != normalised[17])
        {
            reason = "ID number fails its check character (ISO 7064 MOD 11-2)";
            return false;
        }

        // After the check character: a number that fails it was mistyped, and that is the more useful answer. One
        // that passes it with an unknown code was made up, or made by a generator that does not know GB/T 2260.
        if (!AddressCodes.Contains(normalised.AsSpan(0, 6)))
        {
            reason = "ID number's address code is not a division of GB/T 2260";
            return false;
        }

        id = new ResidentId(normalised);
        return true;
    }

    /// <summary>
    /// Validates <paramref name="text"/> as <see cref="TryParse(string?, out ResidentId?, out string?)"/> does, and
    /// also refuses a number whose birth date is after <paramref name="feedDate"/>: no department registered a
    /// person before they were born. A birth on the feed's date itself is possible.
    /// </summary>
    /// <param name="text">The ID number as written.</param>
    /// <param name="feedDate">
    /// The day the feed was received, in China Standard Time (<see cref="ChinaStandardTime.DateOf"/>): birth dates
    /// in ID numbers are dates in China, so a feed received at 01:00 in Beijing (17:00 UTC the day before) may
    /// carry a baby born that Beijing day.
    /// </param>
    /// <param name="id">The validated number.</param>
    /// <param name="reason">Why the number is refused; never quotes it.</param>
    public static bool TryParse(string? text, DateOnly feedDate, [NotNullWhen(true)] out ResidentId? id, out string? reason)
    {
        if (!TryParse(text, out id, out reason))
        {
            return false;
        }

        if (id.Value.BirthDate > feedDate)
        {
            id = null;
            reason = "ID number has a birth date after the feed's date";
            return false;
        }

        return true;
    }

    /// <summary>Parses a number that must be valid; the exception message never contains the number.</summary>
    public static ResidentId Parse(string text) =>
        TryParse(text, out var id, out var reason) ? id.Value : throw new FormatException(reason);

    /// <summary>Computes the check character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (body[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>A masked form safe to show: first 6 and last 4 characters.</summary>
    public string Masked() => string.Concat(Value.AsSpan(0, 6), new string('*', 8), Value.AsSpan(14, 4));

    /// <inheritdoc />
    public override string ToString() => "ResidentId(redacted)";

    private static string Upgrade(string legacy)
    {
        // GB 11643-1989 numbers carry a two-digit year; all of them were issued to people born in the 1900s.
        var body = string.Concat(legacy.AsSpan(0, 6), "19", legacy.AsSpan(6, 9));
        return body + CheckCharacter(body);
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

            builder.Append(c == 'x' ? 'X' : c);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^\d(\.\d+)?E\+?\d+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ScientificNotation();
}
