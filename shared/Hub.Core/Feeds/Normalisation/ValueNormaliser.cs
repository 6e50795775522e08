using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Hub.Core.Kernel;

namespace Hub.Core.Feeds.Normalisation;

/// <summary>
/// Normalises single values the way departmental spreadsheets need it: full-width characters, stray spaces,
/// the many spellings of a date, Excel date serials, phone prefixes. Reasons never quote the value.
/// </summary>
public static partial class ValueNormaliser
{
    private static readonly string[] BuiltInDateFormats =
    [
        "yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日",
        "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy/M/d H:mm",
    ];

    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    /// <summary>Width-normalises (NFKC), trims and collapses inner whitespace; null when nothing is left.</summary>
    public static string? Text(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var normalised = WidthFolding.Fold(raw).Trim();
        normalised = Whitespace().Replace(normalised, " ");
        return normalised.Length == 0 ? null : normalised;
    }

    /// <summary>As <see cref="Text"/>, and removes spaces between Chinese characters (<c>张 三</c> is <c>张三</c>).</summary>
    public static string? Name(string? raw)
    {
        var text = Text(raw);
        return text is null ? null : SpaceBetweenHan().Replace(text, string.Empty);
    }

    /// <summary>What <see cref="DateForm"/> names an Excel serial number: days since 1899-12-30.</summary>
    public const string ExcelSerialForm = "Excel serial number";

    /// <summary>The date spellings every source accepts, tried after a mapping's own <c>dateFormats</c> (.NET custom formats).</summary>
    public static IReadOnlyList<string> DateFormats { get; } = Array.AsReadOnly(BuiltInDateFormats);

    /// <summary>Parses a date in the mapping's formats, the built-in spellings, or as an Excel serial number.</summary>
    public static bool TryDate(string? raw, IReadOnlyList<string> extraFormats, out DateOnly date, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(extraFormats);
        reason = null;
        var text = Text(raw);
        if (text is null)
        {
            date = default;
            reason = "date is empty";
            return false;
        }

        if (Parse(text, extraFormats, out date) is not null)
        {
            return true;
        }

        reason = "date is not in a recognised form (e.g. 1990-01-02, 1990/1/2, 19900102, 1990年1月2日)";
        return false;
    }

    /// <summary>
    /// The form in which <see cref="TryDate"/> reads <paramref name="raw"/>: the first format that parses it (one of
    /// <paramref name="extraFormats"/> or <see cref="DateFormats"/>) or <see cref="ExcelSerialForm"/>; null when it is
    /// not a date. Tells a tool which spellings a department uses without quoting a value.
    /// </summary>
    public static string? DateForm(string? raw, IReadOnlyList<string> extraFormats, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(extraFormats);
        date = default;
        return Text(raw) is { } text ? Parse(text, extraFormats, out date) : null;
    }

    private static string? Parse(string text, IReadOnlyList<string> extraFormats, out DateOnly date)
    {
        IEnumerable<string> formats = extraFormats.Count == 0 ? BuiltInDateFormats : extraFormats.Concat(BuiltInDateFormats);
        foreach (var format in formats)
        {
            if (DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            {
                date = DateOnly.FromDateTime(parsed);
                return format;
            }
        }

        // Excel stores dates as days since 1899-12-30; a spreadsheet exported without formatting shows the serial.
        if (text.Length == 5 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial >= 10000)
        {
            date = ExcelEpoch.AddDays(serial);
            return ExcelSerialForm;
        }

        date = default;
        return null;
    }

    /// <summary>Normalises a mobile (11 digits, from 13) or landline number (0 + area code) to digits.</summary>
    public static bool TryPhone(string? raw, out string? phone, out string? reason)
    {
        phone = null;
        reason = null;
        var text = Text(raw);
        if (text is null)
        {
            reason = "phone is empty";
            return false;
        }

        var digits = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '(' or ')' or '+'))
            {
                reason = "phone contains characters other than digits";
                return false;
            }
        }

        var value = digits.ToString();
        if (value.StartsWith("0086", StringComparison.Ordinal))
        {
            value = value[4..];
        }
        else if (value.Length == 13 && value.StartsWith("86", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        if (Mobile().IsMatch(value) || Landline().IsMatch(value))
        {
            phone = value;
            return true;
        }

        reason = "phone is neither an 11-digit mobile number nor a landline with its area code";
        return false;
    }

    /// <summary>Parses a decimal number; thousands separators and a trailing 元 are accepted.</summary>
    public static bool TryDecimal(string? raw, out decimal value)
    {
        var text = Text(raw)?.Replace(",", string.Empty, StringComparison.Ordinal).TrimEnd('元').Trim();
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a whole number.</summary>
    public static bool TryInteger(string? raw, out long value)
    {
        var text = Text(raw)?.Replace(",", string.Empty, StringComparison.Ordinal);
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs}|·)\s+(?=\p{IsCJKUnifiedIdeographs}|·)")]
    private static partial Regex SpaceBetweenHan();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^0\d{2,3}\d{7,8}$")]
    private static partial Regex Landline();
}
