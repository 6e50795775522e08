using System.Buffers;
using System.Text;

namespace Hub.Core.Kernel;

/// <summary>
/// Unicode compatibility normalisation (NFKC), the one way the Hub folds full-width digits and letters, ligatures and
/// the like into their plain forms, safe on any input. Noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two
/// code points of every plane) are left out first: no department's data means to hold them, and .NET refuses to
/// normalise text that holds some of them, which would fail the request or the row that carried them.
/// </summary>
public static class WidthFolding
{
    // The noncharacters of the basic plane, and the high surrogates that may start one of another plane.
    private static readonly SearchValues<char> Suspect = SearchValues.Create([.. Enumerable.Range(0xFDD0, 32).Select(c => (char)c), '\uFFFE', '\uFFFF', .. Enumerable.Range(0xD800, 0x400).Select(c => (char)c)]);

    /// <summary>The NFKC form of <paramref name="text"/>, without noncharacters.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.AsSpan().ContainsAny(Suspect))
        {
            return text.Normalize(NormalizationForm.FormKC);
        }

        // A lone surrogate enumerates as U+FFFD, which folds to itself.
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsNoncharacter(rune.Value))
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormKC);
    }

    private static bool IsNoncharacter(int value) => value is >= 0xFDD0 and <= 0xFDEF || (value & 0xFFFE) == 0xFFFE;
}
