using System.Text;
using Hub.Core.Kernel;

namespace Hub.Core.Identity.Matching;

/// <summary>
/// Folds a person's name into the one form names are compared in: width-normalised (NFKC), without spaces or the
/// middle dots that separate the parts of transliterated names (阿卜杜·热合曼, 阿卜杜•热合曼, 阿卜杜・热合曼),
/// Latin letters upper-cased, and traditional characters replaced by their simplified forms (張三 → 张三).
/// </summary>
/// <remarks>
/// The simplification is character by character and sometimes lossy (髮 and 發 both become 发). That is safe for
/// matching because a folded name is only ever compared with another folded name. A folded name is personal data.
/// </remarks>
public static class NameFolding
{
    // U+00B7 middle dot, U+2022 bullet, U+2027 hyphenation point, U+2219 bullet operator, U+22C5 dot operator,
    // U+30FB katakana middle dot (NFKC turns the half-width U+FF65 into it) and the full stop some clerks type.
    private const string Separators = "·•‧∙⋅・.";

    /// <summary>The folded form of <paramref name="name"/>; empty when nothing is left of it.</summary>
    public static string Fold(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return string.Empty;
        }

        var normalised = WidthFolding.Fold(name);
        var builder = new StringBuilder(normalised.Length);
        Span<char> buffer = stackalloc char[2];
        foreach (var rune in normalised.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune) || (rune.IsBmp && Separators.Contains((char)rune.Value, StringComparison.Ordinal)))
            {
                continue;
            }

            var length = Rune.ToUpperInvariant(SimplifiedCharacters.Simplify(rune)).EncodeToUtf16(buffer);
            builder.Append(buffer[..length]);
        }

        return builder.ToString();
    }

    /// <summary>True when the two names fold to the same non-empty form (张三 and 張 三 do).</summary>
    public static bool AreEquivalent(string? first, string? second)
    {
        var folded = Fold(first);
        return folded.Length > 0 && string.Equals(folded, Fold(second), StringComparison.Ordinal);
    }
}
