using System.Text.RegularExpressions;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Kernel;

namespace Hub.Cli.Drafting;

/// <summary>
/// What a single value looks like, by the Hub's own rules where it has them (<see cref="ResidentId"/>,
/// <see cref="DivisionCode"/>, <see cref="ValueNormaliser"/>). Only the shape is kept, never the value.
/// </summary>
internal static partial class ValueShapes
{
    /// <summary>The most digits after an ID number that still make a number "the ID and a few more digits".</summary>
    public const int MaxSuffixDigits = 3;

    /// <summary>A valid ID number as the Hub reads it; <paramref name="legacy"/> for a 15-digit number it upgrades.</summary>
    public static bool IsIdNumber(string value, out ResidentId? id, out bool legacy)
    {
        legacy = false;
        if (!ResidentId.TryParse(value, out id, out _))
        {
            return false;
        }

        legacy = Digits(value) == 15;
        return true;
    }

    /// <summary>
    /// A value an ID column holds even when it is not usable: 17 or 18 characters of digits (and X), or a number a
    /// spreadsheet turned into scientific notation.
    /// </summary>
    public static bool LooksLikeIdNumber(string value)
    {
        var text = WidthFolding.Fold(value).Trim();
        return IdLike().IsMatch(text) || Scientific().IsMatch(text);
    }

    /// <summary>How many digits follow a valid 18-character ID number at the start of the value (1 to <see cref="MaxSuffixDigits"/>); 0 when none do.</summary>
    public static int IdSuffixLength(string value, out ResidentId? id)
    {
        id = null;
        var text = WidthFolding.Fold(value).Trim();
        if (text.Length is <= 18 or > 18 + MaxSuffixDigits || text.AsSpan(18).ContainsAnyExceptInRange('0', '9')
            || !ResidentId.TryParse(text[..18], out id, out _))
        {
            id = null;
            return 0;
        }

        return text.Length - 18;
    }

    /// <summary>A 12-digit division code, written as 12 digits (a 6- or 9-digit number is too easily something else).</summary>
    public static bool IsDivision(string value) =>
        Digits(value) == 12 && value.Trim().Length == 12 && DivisionCode.TryParse(value, out _, out _);

    /// <summary>A phone number as the Hub reads it.</summary>
    public static bool IsPhone(string value) => ValueNormaliser.TryPhone(value, out _, out _);

    /// <summary>Looks like a Chinese personal name: 2 to 5 Han characters, perhaps with a middle dot.</summary>
    public static bool IsHanName(string value) => ValueNormaliser.Name(value) is { } name && HanName().IsMatch(name);

    /// <summary>
    /// Could be a person's name: 2 to 4 Han characters starting with one of the hundred most common surnames. Never
    /// written into a code list, whatever the column.
    /// </summary>
    public static bool IsSurnamed(string value) =>
        ValueNormaliser.Name(value) is { Length: >= 2 and <= 4 } name && HanName().IsMatch(name) && Surnames.Value.Contains(name[0]);

    /// <summary>Looks like a Chinese address: at least 6 characters, Han among them, and a word addresses are made of.</summary>
    public static bool IsAddress(string value) => ValueNormaliser.Text(value) is { Length: >= 6 } text && Address().IsMatch(text) && text.Any(IsHan);

    /// <summary>
    /// Whether a header looks like a value rather than a name (an ID number, a phone number, a date, a run of six or more
    /// digits): a first row that is a record, or JSON keyed by personal data. Such a header is never shown.
    /// </summary>
    public static bool LooksLikeValue(string header) =>
        LooksLikeIdNumber(header) || IdSuffixLength(header, out _) > 0 || IsPhone(header)
        || ValueNormaliser.DateForm(header, [], out _) is not null || HasDigitRun(header);

    /// <summary>Holds a run of six or more digits, as ID, phone, account and house numbers do.</summary>
    public static bool HasDigitRun(string value) => DigitRun().IsMatch(WidthFolding.Fold(value));

    private static readonly Lazy<HashSet<char>> Surnames = new(() =>
    {
        using var stream = typeof(ValueShapes).Assembly.GetManifestResourceStream("common-surnames.txt")
            ?? throw new InvalidOperationException("'common-surnames.txt' is not embedded in the hub tool.");
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n').Where(l => !l.StartsWith('#')).SelectMany(l => l.Trim())];
    });

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';

    private static int Digits(string value) => WidthFolding.Fold(value).Count(char.IsAsciiDigit);

    [GeneratedRegex(@"^\d{17}[\dXx]?$", RegexOptions.CultureInvariant)]
    private static partial Regex IdLike();

    [GeneratedRegex(@"^\d(\.\d+)?[Ee]\+?1[4-8]$", RegexOptions.CultureInvariant)]
    private static partial Regex Scientific();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}·]{2,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex HanName();

    [GeneratedRegex("[路街巷弄道号楼栋幢单元室村镇乡区县市省院里苑]", RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    [GeneratedRegex(@"\d{6}", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRun();
}
