using Hub.Core.Identity.Matching;

namespace Hub.Core.Tests.Identity.Matching;

public sealed class NameFoldingTests
{
    // The surnames and given-name characters the brief lists, traditional first.
    private const string Traditional = "張陳劉黃趙吳鄭楊馬孫羅許謝韓馮鄧蕭葉蘇盧蔣閻錢湯龍華偉麗國強軍傑紅剛鳳蘭雲東亞寶貴鵬輝靜誠義慶";
    private const string Simplified = "张陈刘黄赵吴郑杨马孙罗许谢韩冯邓萧叶苏卢蒋阎钱汤龙华伟丽国强军杰红刚凤兰云东亚宝贵鹏辉静诚义庆";

    [Fact]
    public void Traditional_characters_of_common_names_fold_to_their_simplified_forms()
    {
        Assert.Equal(Simplified, NameFolding.Fold(Traditional));
        Assert.Equal(Simplified, NameFolding.Fold(Simplified));
    }

    [Theory]
    [InlineData("張三", "张三")]
    [InlineData("陳建國", "陈建国")]
    [InlineData("劉麗華", "刘丽华")]
    [InlineData("黃曉燕", "黄晓燕")]
    [InlineData("歐陽鳳蘭", "欧阳凤兰")]
    public void A_traditional_and_a_simplified_spelling_of_one_name_are_equivalent(string traditional, string simplified)
    {
        Assert.True(NameFolding.AreEquivalent(traditional, simplified));
    }

    [Theory]
    [InlineData("张 三")]
    [InlineData(" 张三 ")]
    [InlineData("张\u3000三")]
    public void Spaces_of_any_width_are_ignored(string spelling)
    {
        Assert.Equal("张三", NameFolding.Fold(spelling));
    }

    [Theory]
    [InlineData("阿卜杜·热合曼")]
    [InlineData("阿卜杜•热合曼")]
    [InlineData("阿卜杜・热合曼")]
    [InlineData("阿卜杜･热合曼")]
    [InlineData("阿卜杜.热合曼")]
    [InlineData("阿卜杜 · 热合曼")]
    [InlineData("阿卜杜热合曼")]
    public void Middle_dot_variants_in_transliterated_names_compare_equal(string spelling)
    {
        Assert.Equal("阿卜杜热合曼", NameFolding.Fold(spelling));
    }

    [Fact]
    public void Full_width_and_lower_case_latin_letters_fold_to_upper_case_ascii()
    {
        Assert.Equal("MARYWANG", NameFolding.Fold("Ｍａｒｙ Wang"));
    }

    [Fact]
    public void Folding_is_idempotent_and_characters_without_a_traditional_form_are_kept()
    {
        var once = NameFolding.Fold("燕 薴 乾隆 髮");

        Assert.Equal(once, NameFolding.Fold(once));
        Assert.StartsWith("燕", once, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_names_and_empty_names_are_not_equivalent()
    {
        Assert.False(NameFolding.AreEquivalent("张三", "张四"));
        Assert.False(NameFolding.AreEquivalent("", ""));
        Assert.False(NameFolding.AreEquivalent(null, " · "));
        Assert.Equal(string.Empty, NameFolding.Fold(null));
    }

    [Fact]
    public void The_embedded_table_holds_the_full_opencc_character_set()
    {
        Assert.InRange(SimplifiedCharacters.Count, 3000, 4500);
    }
}
