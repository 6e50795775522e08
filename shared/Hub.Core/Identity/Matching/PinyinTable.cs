using System.Collections.Frozen;
using System.Text;

namespace Hub.Core.Identity.Matching;

/// <summary>
/// The character → toneless pinyin table embedded from <c>Data/pinyin.txt</c> (generated from pinyin-pro, MIT) and
/// the hand-checked surname readings of <c>Data/pinyin-surnames.txt</c>, read once on first use.
/// </summary>
internal sealed class PinyinTable
{
    internal const string ResourceName = "Hub.Core.Identity.Matching.pinyin.txt";
    internal const string SurnamesResourceName = "Hub.Core.Identity.Matching.pinyin-surnames.txt";

    private static readonly Lazy<PinyinTable> Shared = new(Load);

    private readonly FrozenDictionary<int, string> _readings;
    private readonly FrozenDictionary<long, string> _surnames;

    private PinyinTable(FrozenDictionary<int, string> readings, FrozenDictionary<long, string> surnames)
    {
        _readings = readings;
        _surnames = surnames;
    }

    /// <summary>The table, loaded on first use.</summary>
    public static PinyinTable Instance => Shared.Value;

    /// <summary>Number of characters the table reads.</summary>
    public int Count => _readings.Count;

    /// <summary>Number of surnames, of one or two characters, with a reading of their own.</summary>
    public int SurnameCount => _surnames.Count;

    /// <summary>The toneless pinyin of <paramref name="character"/>, or null when the table has no reading for it.</summary>
    public string? Reading(int character) => _readings.GetValueOrDefault(character);

    /// <summary>The reading of the surname <paramref name="first"/> (and <paramref name="second"/>, for a compound), or null.</summary>
    public string? SurnameReading(int first, int second = 0) => _surnames.GetValueOrDefault(SurnameKey(first, second));

    // Code points need 21 bits, so a pair fits in a long; a single-character surname has 0 for its second.
    private static long SurnameKey(int first, int second) => ((long)first << 21) | (uint)second;

    private static PinyinTable Load()
    {
        var readings = new Dictionary<int, string>(21_200);
        foreach (var line in Lines(ResourceName))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var syllable = space > 0 ? line[..space] : throw Malformed(ResourceName);
            RequireSyllable(syllable, ResourceName);
            foreach (var character in line[(space + 1)..].EnumerateRunes())
            {
                if (!readings.TryAdd(character.Value, syllable))
                {
                    throw new InvalidDataException($"The pinyin table '{ResourceName}' gives a character two readings.");
                }
            }
        }

        var surnames = new Dictionary<long, string>();
        foreach (var line in Lines(SurnamesResourceName))
        {
            var parts = line.Split(' ');
            var characters = parts.Length == 2 ? parts[0].EnumerateRunes().ToArray() : throw Malformed(SurnamesResourceName);
            if (characters.Length is not (1 or 2))
            {
                throw Malformed(SurnamesResourceName);
            }

            RequireSyllable(parts[1], SurnamesResourceName);
            surnames[SurnameKey(characters[0].Value, characters.Length == 2 ? characters[1].Value : 0)] = parts[1];
        }

        return new PinyinTable(readings.ToFrozenDictionary(), surnames.ToFrozenDictionary());
    }

    private static IEnumerable<string> Lines(string resourceName)
    {
        using var stream = typeof(PinyinTable).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The pinyin table '{resourceName}' is not embedded in Hub.Core.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }

    // Readings are what PinyinFolding writes into folded names, so nothing but lower-case ASCII letters may pass.
    private static void RequireSyllable(string syllable, string resourceName)
    {
        if (syllable.Length == 0 || !syllable.All(char.IsAsciiLetterLower))
        {
            throw Malformed(resourceName);
        }
    }

    private static InvalidDataException Malformed(string resourceName) =>
        new($"The pinyin table '{resourceName}' has a line that is not a reading.");
}
