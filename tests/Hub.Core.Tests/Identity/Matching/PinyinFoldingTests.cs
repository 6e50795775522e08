using Hub.Core.Identity.Matching;

namespace Hub.Core.Tests.Identity.Matching;

public sealed class PinyinFoldingTests
{
    [Theory]
    [InlineData("张三", "章三", "zhangsan")]
    [InlineData("李明", "黎明", "liming")]
    [InlineData("王芳", "汪芳", "wangfang")]
    [InlineData("刘伟", "柳炜", "liuwei")]
    [InlineData("陈静", "陈靖", "chenjing")]
    public void Names_typed_with_a_homophone_fold_equal(string name, string homophone, string expected)
    {
        var folded = PinyinFolding.Fold(name);

        Assert.Equal(expected, folded);
        Assert.Equal(folded, PinyinFolding.Fold(homophone));
        Assert.True(PinyinFolding.AreHomophones(name, homophone));
    }

    [Theory]
    [InlineData("张三", "张四")]
    [InlineData("张三", "张山")]
    [InlineData("李明", "李敏")]
    [InlineData("吕明", "卢明")]
    [InlineData("王芳", "黄芳")]
    public void Names_that_sound_different_fold_differently(string first, string second)
    {
        Assert.NotEqual(PinyinFolding.Fold(first), PinyinFolding.Fold(second));
        Assert.False(PinyinFolding.AreHomophones(first, second));
    }

    [Theory]
    [InlineData("单田芳", "shantianfang")]
    [InlineData("曾国藩", "zengguofan")]
    [InlineData("区小明", "ouxiaoming")]
    [InlineData("仇英", "qiuying")]
    [InlineData("解缙", "xiejin")]
    [InlineData("查良镛", "zhaliangyong")]
    [InlineData("朴志勇", "piaozhiyong")]
    [InlineData("盖叫天", "gejiaotian")]
    [InlineData("尉迟恭", "yuchigong")]
    [InlineData("长孙无忌", "zhangsunwuji")]
    [InlineData("万俟卨", "moqixie")]
    public void A_surname_takes_its_surname_reading(string name, string expected)
    {
        Assert.Equal(expected, PinyinFolding.Fold(name));
    }

    [Theory]
    [InlineData("单伟", "善伟")]
    [InlineData("曾伟", "增伟")]
    [InlineData("区伟", "欧伟")]
    [InlineData("仇伟", "求伟")]
    public void A_surname_typed_with_a_homophone_of_its_surname_reading_folds_equal(string name, string homophone)
    {
        Assert.True(PinyinFolding.AreHomophones(name, homophone));
    }

    [Theory]
    [InlineData("王单", "wangdan")]
    [InlineData("王曾", "wangceng")]
    [InlineData("尉缭", "weiliao")]
    [InlineData("长孙", "changsun")]
    public void Surname_readings_apply_only_where_the_surname_stands(string name, string expected)
    {
        // 单 and 曾 in a given name keep their usual reading; 尉 alone is the surname Wèi, not the start of 尉迟;
        // 长孙 with no given name after it is 长 Cháng with the given name 孙.
        Assert.Equal(expected, PinyinFolding.Fold(name));
    }

    [Theory]
    [InlineData("張三", "张三")]
    [InlineData("曾國藩", "曾国藩")]
    [InlineData("區小明", "区小明")]
    [InlineData("尉遲恭", "尉迟恭")]
    [InlineData("呂麗華", "吕丽华")]
    public void Traditional_characters_fold_like_simplified_ones(string traditional, string simplified)
    {
        Assert.Equal(PinyinFolding.Fold(simplified), PinyinFolding.Fold(traditional));
    }

    [Theory]
    [InlineData("吕丽", "lvli")]
    [InlineData("女娲", "nvwa")]
    [InlineData("徐菊", "xuju")]
    public void U_umlaut_is_written_v_and_ju_qu_xu_yu_keep_their_u(string name, string expected)
    {
        Assert.Equal(expected, PinyinFolding.Fold(name));
    }

    [Theory]
    [InlineData("Mary Wang", "marywang")]
    [InlineData("Ｍａｒｙ　ＷＡＮＧ", "marywang")]
    [InlineData("王Mary", "wangmary")]
    [InlineData("阿卜杜·热合曼", "abudureheman")]
    [InlineData("张三2", "zhangsan2")]
    [InlineData("张\u3400", "zhang\u3400")]
    [InlineData("王\U0002CB5B", "wangbo")]
    public void Latin_letters_are_lower_cased_and_characters_without_a_reading_are_kept(string name, string expected)
    {
        Assert.Equal(expected, PinyinFolding.Fold(name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" · ")]
    public void A_name_with_nothing_left_folds_to_empty_and_sounds_like_nothing(string? name)
    {
        Assert.Equal(string.Empty, PinyinFolding.Fold(name));
        Assert.False(PinyinFolding.AreHomophones(name, name));
    }

    [Theory]
    [InlineData("张三", "zhang san")]
    [InlineData("单田芳", "shan tian fang")]
    [InlineData("尉迟恭", "yuchi gong")]
    [InlineData("李Mary", "li m a r y")]
    public void A_name_reads_one_syllable_per_character_and_one_for_a_compound_surname(string name, string expected)
    {
        var folded = NameFolding.Fold(name);

        var readings = PinyinFolding.Readings(folded);

        Assert.Equal(expected, string.Join(' ', readings));
        Assert.Equal(PinyinFolding.FoldFoldedName(folded), string.Concat(readings));
    }

    [Fact]
    public void Folding_is_idempotent()
    {
        var once = PinyinFolding.Fold("單田芳 Mary");

        Assert.Equal(once, PinyinFolding.Fold(once));
    }

    [Fact]
    public void Folding_a_folded_name_allocates_nothing_but_the_result()
    {
        var folded = NameFolding.Fold("尉迟恭 田芳 Mary");
        var expected = PinyinFolding.FoldFoldedName(folded);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = PinyinFolding.FoldFoldedName(folded);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("yuchigongtianfangmary", result);
        Assert.Equal(expected, result);
        // A string of n characters takes about 22 + 2n bytes, rounded up to 8.
        Assert.InRange(allocated, 1, 24 + (2 * result.Length) + 8);
    }
}
