using System.Globalization;

namespace Hub.Core.Access;

/// <summary>
/// Masks values for users whose tier allows a glimpse, not the value: enough to recognise a person on a doorstep or
/// a list, not enough to copy an identity. Characters are counted as text elements, so a name written with a
/// character outside the Basic Multilingual Plane keeps it whole. Empty text stays empty.
/// </summary>
public static class Masking
{
    private const char Star = '*';

    /// <summary>Masks <paramref name="value"/> as <paramref name="kind"/> says.</summary>
    public static string Apply(MaskKind kind, string value) => kind switch
    {
        MaskKind.Name => Name(value),
        MaskKind.ResidentId => ResidentId(value),
        MaskKind.Phone => Phone(value),
        MaskKind.Address => Address(value),
        _ => Full(value),
    };

    /// <summary>
    /// A name keeps its first and last character: <c>张*</c> (2 characters), <c>张*三</c> (3), <c>欧阳**明</c> (5).
    /// A one-character name becomes <c>*</c>. Other scripts are treated alike (<c>J********h</c> for "John Smith"),
    /// separators included, so the mask does not tell where a minority or foreign name's parts begin.
    /// </summary>
    public static string Name(string value)
    {
        var elements = TextElements(value);
        return elements.Count switch
        {
            0 => string.Empty,
            1 => Star.ToString(),
            2 => elements[0] + Star,
            _ => elements[0] + new string(Star, elements.Count - 2) + elements[^1],
        };
    }

    /// <summary>
    /// A resident ID keeps its first 6 characters (the issuing county) and last 4: <c>110105********002X</c>.
    /// A value of 10 characters or fewer, which would then show whole, is starred whole.
    /// </summary>
    public static string ResidentId(string value) => KeepEnds(value, 6, 4);

    /// <summary>
    /// A phone keeps its first 3 and last 4 digits with four stars between: <c>138****5678</c>, <c>010****5678</c>
    /// for a landline. A value of 7 characters or fewer is starred whole.
    /// </summary>
    public static string Phone(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= 7 ? new string(Star, value.Length) : string.Concat(value.AsSpan(0, 3), "****", value.AsSpan(value.Length - 4));
    }

    /// <summary>
    /// An address keeps its part up to and including the community (社区, 居委会, 村委会, 村) or, when it names none,
    /// the street or township (街道, 镇, 乡), and the rest becomes <c>****</c>:
    /// <c>北京市朝阳区和平街道安华里社区****</c>. Without either marker it keeps a fixed prefix of at most 6
    /// characters (about a city and district) and never more than half of the address.
    /// </summary>
    public static string Address(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return string.Empty;
        }

        var keep = EndOfLast(value, "社区", "居委会", "村委会", "村");
        if (keep <= 0)
        {
            keep = EndOfLast(value, "街道", "镇", "乡");
        }

        if (keep <= 0 || keep >= value.Length)
        {
            keep = Math.Min(6, value.Length / 2);
        }

        return string.Concat(value.AsSpan(0, keep), "****");
    }

    /// <summary>Any other value: <c>***</c>, whatever its length, so not even the length is given away.</summary>
    public static string Full(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length == 0 ? string.Empty : "***";
    }

    private static string KeepEnds(string value, int head, int tail)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= head + tail
            ? new string(Star, value.Length)
            : string.Concat(value.AsSpan(0, head), new string(Star, value.Length - head - tail), value.AsSpan(value.Length - tail));
    }

    // The end of the first-from-the-right marker found; the earliest-listed marker wins, so an address naming both a
    // 社区 and, earlier, a 村 keeps up to the 社区.
    private static int EndOfLast(string value, params ReadOnlySpan<string> markers)
    {
        foreach (var marker in markers)
        {
            var at = value.LastIndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                return at + marker.Length;
            }
        }

        return 0;
    }

    private static List<string> TextElements(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var elements = new List<string>(value.Length);
        var enumerator = StringInfo.GetTextElementEnumerator(value);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return elements;
    }
}
