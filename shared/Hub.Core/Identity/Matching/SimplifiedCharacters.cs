using System.Collections.Frozen;
using System.Text;

namespace Hub.Core.Identity.Matching;

/// <summary>
/// The traditional → simplified character table embedded from <c>Data/traditional-to-simplified.txt</c> (OpenCC,
/// Apache-2.0), read once on first use: about 3,200 characters, so it costs nothing until a name is folded.
/// </summary>
internal static class SimplifiedCharacters
{
    internal const string ResourceName = "Hub.Core.Identity.Matching.traditional-to-simplified.txt";

    private static readonly Lazy<FrozenDictionary<int, Rune>> Table = new(Load);

    /// <summary>Number of traditional characters the table folds.</summary>
    public static int Count => Table.Value.Count;

    /// <summary>The simplified form of <paramref name="character"/>, or the character itself when it has none.</summary>
    public static Rune Simplify(Rune character) => Table.Value.TryGetValue(character.Value, out var simplified) ? simplified : character;

    private static FrozenDictionary<int, Rune> Load()
    {
        using var stream = typeof(SimplifiedCharacters).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The character table '{ResourceName}' is not embedded in Hub.Core.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<int, Rune>(3300);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var runes = line.EnumerateRunes().ToArray();
            if (runes.Length != 2)
            {
                throw new InvalidDataException($"The character table '{ResourceName}' has a line that is not two characters.");
            }

            table[runes[0].Value] = runes[1];
        }

        return table.ToFrozenDictionary();
    }
}
