using System.Globalization;
using Hub.Core.Kernel;

namespace Hub.Samples.Corruption;

/// <summary>
/// The corruptions of one value, each a function of the value and a random source only; null when the value offers
/// nothing to corrupt (a one-character name to shorten, a birth day above 12 to swap).
/// </summary>
internal static class TextCorruptions
{
    /// <summary>Clerks shorten an address from the front (city, district, street) or drop words a reader can guess.</summary>
    private static readonly Func<string, string?>[] Abbreviations =
    [
        a => After(a, "市", before: "街道"),
        a => After(a, "区", before: "街道") ?? After(a, "县", before: "街道"),
        a => After(a, "街道", before: null),
        a => a.Contains("社区", StringComparison.Ordinal) ? a.Replace("社区", string.Empty, StringComparison.Ordinal) : null,
        a => a.Contains("号院", StringComparison.Ordinal) ? a.Replace("号院", "号", StringComparison.Ordinal) : null,
    ];

    /// <summary>A character of <paramref name="alphabet"/> inserted anywhere, ends included.</summary>
    public static string? Insert(string text, string alphabet, Random random) =>
        text.Length == 0 || alphabet.Length == 0 ? null : text.Insert(random.Next(text.Length + 1), alphabet[random.Next(alphabet.Length)].ToString());

    /// <summary>One character left out; a value must keep at least one.</summary>
    public static string? Delete(string text, Random random) => text.Length < 2 ? null : text.Remove(random.Next(text.Length), 1);

    /// <summary>One character at or after <paramref name="from"/> replaced by another of <paramref name="alphabet"/>.</summary>
    public static string? Substitute(string text, int from, string alphabet, Random random)
    {
        if (from < 0 || from >= text.Length)
        {
            return null;
        }

        var at = random.Next(from, text.Length);
        var others = alphabet.Where(c => c != text[at]).ToArray();
        return others.Length == 0 ? null : Replace(text, at, others[random.Next(others.Length)]);
    }

    /// <summary>Two different neighbours at or after <paramref name="from"/> swapped.</summary>
    public static string? Transpose(string text, int from, Random random)
    {
        var swaps = Enumerable.Range(Math.Max(0, from), Math.Max(0, text.Length - Math.Max(0, from) - 1)).Where(i => text[i] != text[i + 1]).ToArray();
        if (swaps.Length == 0)
        {
            return null;
        }

        var at = swaps[random.Next(swaps.Length)];
        var chars = text.ToCharArray();
        (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
        return new string(chars);
    }

    /// <summary>One character at or after <paramref name="from"/> that <paramref name="confusable"/> offers others for, replaced by one of them.</summary>
    public static string? Confuse(string text, int from, Func<char, string> confusable, Random random)
    {
        var eligible = Enumerable.Range(Math.Max(0, from), Math.Max(0, text.Length - Math.Max(0, from))).Where(i => confusable(text[i]).Length > 0).ToArray();
        if (eligible.Length == 0)
        {
            return null;
        }

        var at = eligible[random.Next(eligible.Length)];
        var others = confusable(text[at]);
        return Replace(text, at, others[random.Next(others.Length)]);
    }

    /// <summary>The given name before the surname. Every generated surname is one character; 欧阳 and the like would need a surname list.</summary>
    public static string? SwapNameOrder(string name) => name.Length < 2 || name[1..] + name[0] == name ? null : name[1..] + name[0];

    /// <summary>Day and month swapped, when the day can be a month and differs from it.</summary>
    public static DateOnly? SwapDayMonth(DateOnly date) => date.Day <= 12 && date.Day != date.Month ? new DateOnly(date.Year, date.Day, date.Month) : null;

    /// <summary>One digit of yyyyMMdd replaced so that it is still a date, from 1900 and no later than <paramref name="latest"/>.</summary>
    public static DateOnly? MistypeDigit(DateOnly date, DateOnly latest, Random random)
    {
        var text = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var variants = new List<DateOnly>();
        for (var i = 0; i < text.Length; i++)
        {
            foreach (var digit in "0123456789")
            {
                if (digit != text[i]
                    && DateOnly.TryParseExact(Replace(text, i, digit), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var variant)
                    && variant.Year >= 1900 && variant <= latest)
                {
                    variants.Add(variant);
                }
            }
        }

        return variants.Count == 0 ? null : variants[random.Next(variants.Count)];
    }

    /// <summary>One of the abbreviations that shortens <paramref name="address"/>.</summary>
    public static string? Abbreviate(string address, Random random)
    {
        var shorter = Abbreviations.Select(a => a(address)).OfType<string>().Where(a => a.Length > 0 && a != address).Distinct(StringComparer.Ordinal).ToArray();
        return shorter.Length == 0 ? null : shorter[random.Next(shorter.Length)];
    }

    /// <summary>Another community of the same street (the last three digits).</summary>
    public static DivisionCode OtherCommunity(DivisionCode division, Random random)
    {
        var community = int.Parse(division.Value.AsSpan(9), CultureInfo.InvariantCulture);
        var others = Enumerable.Range(1, Places.CommunitiesPerStreet).Where(c => c != community).ToArray();
        return DivisionCode.Parse(string.Create(CultureInfo.InvariantCulture, $"{division.Value[..9]}{others[random.Next(others.Length)]:D3}"));
    }

    private static string Replace(string text, int at, char with) => string.Concat(text.AsSpan(0, at), with.ToString(), text.AsSpan(at + 1));

    // What follows the first marker, when the marker comes before the other (so 区 of 社区 is not taken for a district).
    private static string? After(string text, string marker, string? before)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        var limit = before is null ? text.Length : text.IndexOf(before, StringComparison.Ordinal);
        return at < 0 || (before is not null && (limit < 0 || at > limit)) ? null : text[(at + marker.Length)..];
    }
}
