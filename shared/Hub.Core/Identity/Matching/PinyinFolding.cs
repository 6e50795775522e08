using System.Buffers;
using System.Text;

namespace Hub.Core.Identity.Matching;

/// <summary>
/// Folds a person's name into how it sounds: the toneless pinyin of each Chinese character, syllables joined without
/// separators, so that names typed with a homophone (同音字) fold equal: 张三 and 章三 both become <c>zhangsan</c>,
/// 王芳 and 汪芳 <c>wangfang</c>. A pinyin input method offers every such character for the same keys, which is how
/// most of these typing errors arise.
/// </summary>
/// <remarks>
/// <para>
/// The name is first folded by <see cref="NameFolding.Fold"/> (width, spaces, middle dots, traditional →
/// simplified). Each character then takes its most common reading; a surname read otherwise takes its surname
/// reading at the start of the name (单 → <c>shan</c>, 曾 → <c>zeng</c>, 区 → <c>ou</c>, 尉迟 → <c>yuchi</c>). Tones
/// are dropped and ü is written <c>v</c> (吕 <c>lv</c>, 卢 <c>lu</c>). Letters that are not Chinese are
/// lower-cased; characters the table has no reading for, digits among them, are kept as they are.
/// </para>
/// <para>
/// Syllables are joined without separators, so different characters can share a folded form (西安 and 先 are both
/// <c>xian</c>); a comparator that needs it can also compare the number of characters. The table and its origin
/// are described in <c>Identity/Matching/Data/README.md</c>. A folded name is personal data.
/// </para>
/// </remarks>
public static class PinyinFolding
{
    /// <summary>The pinyin form of <paramref name="name"/>; empty when nothing is left of it.</summary>
    public static string Fold(string? name) => FoldFoldedName(NameFolding.Fold(name));

    /// <summary>
    /// The pinyin form of a name already folded by <see cref="NameFolding.Fold"/> (as <see cref="MatchRecord.FoldedName"/>
    /// holds it); allocates nothing but the result.
    /// </summary>
    public static string FoldFoldedName(string foldedName)
    {
        ArgumentNullException.ThrowIfNull(foldedName);
        if (foldedName.Length == 0)
        {
            return string.Empty;
        }

        var table = PinyinTable.Instance;
        var (surnameLength, surname) = Surname(table, foldedName);
        var length = surname?.Length ?? 0;
        foreach (var rune in foldedName.AsSpan(surnameLength).EnumerateRunes())
        {
            length += table.Reading(rune.Value)?.Length ?? Rune.ToLowerInvariant(rune).Utf16SequenceLength;
        }

        return string.Create(length, (foldedName, surnameLength, surname, table), static (destination, state) =>
        {
            var written = 0;
            if (state.surname is not null)
            {
                state.surname.CopyTo(destination);
                written = state.surname.Length;
            }

            foreach (var rune in state.foldedName.AsSpan(state.surnameLength).EnumerateRunes())
            {
                if (state.table.Reading(rune.Value) is { } reading)
                {
                    reading.CopyTo(destination[written..]);
                    written += reading.Length;
                }
                else
                {
                    written += Rune.ToLowerInvariant(rune).EncodeToUtf16(destination[written..]);
                }
            }
        });
    }

    /// <summary>
    /// The readings of a name already folded by <see cref="NameFolding.Fold"/>, one per character as
    /// <see cref="FoldFoldedName"/> reads it, except that a compound surname is one reading (尉迟恭: <c>yuchi</c>,
    /// <c>gong</c>); concatenated, they are the folded form.
    /// </summary>
    internal static IReadOnlyList<string> Readings(string foldedName)
    {
        ArgumentNullException.ThrowIfNull(foldedName);
        var table = PinyinTable.Instance;
        var (surnameLength, surname) = Surname(table, foldedName);
        var readings = new List<string>(foldedName.Length);
        if (surname is not null)
        {
            readings.Add(surname);
        }

        foreach (var rune in foldedName.AsSpan(surnameLength).EnumerateRunes())
        {
            readings.Add(table.Reading(rune.Value) ?? Rune.ToLowerInvariant(rune).ToString());
        }

        return readings;
    }

    /// <summary>True when the two names fold to the same non-empty pinyin (张三 and 章三 do, 李明 and 黎明 too).</summary>
    public static bool AreHomophones(string? first, string? second)
    {
        var folded = Fold(first);
        return folded.Length > 0 && string.Equals(folded, Fold(second), StringComparison.Ordinal);
    }

    // The surname at the start of the name, as the number of UTF-16 characters it takes and its reading; (0, null)
    // when the name does not start with a surname that has a reading of its own. A compound surname needs a given
    // name after it: 长孙 alone is more likely 长 Cháng with the given name 孙 than a compound surname with none.
    private static (int Length, string? Reading) Surname(PinyinTable table, string name)
    {
        var span = name.AsSpan();
        if (Rune.DecodeFromUtf16(span, out var first, out var firstLength) != OperationStatus.Done)
        {
            return (0, null);
        }

        var rest = span[firstLength..];
        if (Rune.DecodeFromUtf16(rest, out var second, out var secondLength) == OperationStatus.Done
            && rest.Length > secondLength
            && table.SurnameReading(first.Value, second.Value) is { } compound)
        {
            return (firstLength + secondLength, compound);
        }

        return table.SurnameReading(first.Value) is { } single ? (firstLength, single) : (0, null);
    }
}
