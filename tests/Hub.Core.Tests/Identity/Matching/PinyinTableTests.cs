using System.Security.Cryptography;
using System.Text;
using Hub.Core.Identity.Matching;

namespace Hub.Core.Tests.Identity.Matching;

public sealed class PinyinTableTests
{
    // What eng/pinyin/regenerate.sh printed for the shipped table (pinyin-pro 3.29.4); a regenerated table changes it
    // here and in Identity/Matching/Data/README.md, and a hand edit shows up as a mismatch.
    private const string ShippedSha256 = "e80a42df0cc1764f644ca80fcb1eb408be824a58ec94723a7ab7e4c91ac42a17";

    // The characters of the original unified block (U+4E00–U+9FA5) pinyin-pro 3.29.4 has no reading for: mostly
    // characters made in Korea and Japan (the unit characters 兙 瓩 and the like), none used in Chinese names.
    private const string UnreadOriginals = "乥乲兙兛兝兞兡兣兺匁厼叾哛唜唟喸嗧囕夞巼怾旕朩朰栍桛椧烪猠瓧瓩瓰瓱瓲瓸瓼甅硛硳穒縇莻虄襨覅迲闏黁龥";

    [Fact]
    public void The_shipped_table_is_the_one_the_script_generated()
    {
        using var stream = typeof(PinyinTable).Assembly.GetManifestResourceStream(PinyinTable.ResourceName);

        Assert.NotNull(stream);
        Assert.Equal(ShippedSha256, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    [Fact]
    public void The_table_reads_every_character_of_the_original_unified_block_but_the_ones_pinyin_pro_lacks()
    {
        var table = PinyinTable.Instance;

        var unread = Enumerable.Range(0x4E00, 0x9FA5 - 0x4E00 + 1).Where(c => table.Reading(c) is null);

        Assert.Equal(UnreadOriginals, string.Concat(unread.Select(char.ConvertFromUtf32)));
    }

    [Fact]
    public void The_table_holds_every_character_pinyin_pro_reads()
    {
        var table = PinyinTable.Instance;

        var inMainBlock = Enumerable.Range(0x4E00, 0x9FFF - 0x4E00 + 1).Count(c => table.Reading(c) is not null);

        Assert.Equal(20_856, inMainBlock);
        Assert.Equal(21_132, table.Count);
        Assert.Equal("ling", table.Reading('〇'));
        Assert.Equal("bo", table.Reading(0x2CB5B));
    }

    [Fact]
    public void Every_character_of_gb2312_has_a_reading()
    {
        // GB 2312's 6,763 characters, rows 0xB0–0xF7 (the last five cells of row 0xD7 are empty): the characters
        // any system in use can store, and so nearly every name a department sends.
        var gb2312 = CodePagesEncodingProvider.Instance.GetEncoding(936)!;
        var characters = new List<string>();
        for (var row = 0xB0; row <= 0xF7; row++)
        {
            for (var cell = 0xA1; cell <= 0xFE; cell++)
            {
                if (row != 0xD7 || cell < 0xFA)
                {
                    characters.Add(gb2312.GetString([(byte)row, (byte)cell]));
                }
            }
        }

        var unread = characters.Where(c => PinyinTable.Instance.Reading(char.ConvertToUtf32(c, 0)) is null);

        Assert.Equal(6763, characters.Distinct().Count());
        Assert.Empty(unread);
    }

    [Theory]
    [InlineData('张', "zhang")]
    [InlineData('章', "zhang")]
    [InlineData('單', "dan")]
    [InlineData('单', "dan")]
    [InlineData('曾', "ceng")]
    [InlineData('吕', "lv")]
    [InlineData('略', "lve")]
    [InlineData('虐', "nve")]
    [InlineData('居', "ju")]
    [InlineData('恩', "en")]
    [InlineData('嗯', "ng")]
    public void Characters_take_their_most_common_reading_without_tone(char character, string reading)
    {
        Assert.Equal(reading, PinyinTable.Instance.Reading(character));
    }

    [Fact]
    public void Every_reading_is_one_of_the_four_hundred_and_seven_toneless_syllables()
    {
        var table = PinyinTable.Instance;

        var syllables = Enumerable.Range(0x4E00, 0x9FFF - 0x4E00 + 1).Select(table.Reading).OfType<string>().ToHashSet();

        Assert.Equal(407, syllables.Count);
        Assert.All(syllables, s => Assert.Matches("^[a-z]{1,6}$", s));
    }

    [Theory]
    [InlineData("单", "shan")]
    [InlineData("区", "ou")]
    [InlineData("朴", "piao")]
    [InlineData("尉迟", "yuchi")]
    [InlineData("万俟", "moqi")]
    public void The_surname_table_holds_the_hand_checked_readings(string surname, string reading)
    {
        var runes = surname.EnumerateRunes().Select(r => r.Value).ToArray();

        Assert.Equal(reading, PinyinTable.Instance.SurnameReading(runes[0], runes.Length > 1 ? runes[1] : 0));
    }

    [Fact]
    public void Surnames_that_read_as_usual_or_are_ambiguous_are_not_in_the_surname_table()
    {
        var table = PinyinTable.Instance;

        Assert.Null(table.SurnameReading('张'));
        Assert.Null(table.SurnameReading('覃'));
        Assert.Null(table.SurnameReading('单', '于'));
        Assert.Null(table.SurnameReading('尉'));
        Assert.InRange(table.SurnameCount, 30, 60);
    }
}
