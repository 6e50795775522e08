using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;
using Hub.Tests.Shared;

namespace Hub.Core.Tests.Identity.Matching;

public sealed class ComparatorTests
{
    private static readonly string Valid = IdNumbers.Complete("11010519850302003");

    private static readonly PersonMatcher Pinyin = Matcher("""{ "field": "name", "comparator": "pinyin", "similarity": 0.8, "levels": { "exact": { "m": 0.88, "u": 0.001 }, "similar": { "m": 0.08, "u": 0.00075 }, "close": { "m": 0.005, "u": 0.0017 }, "different": { "m": 0.035, "u": 0.997 } } }""");

    private static readonly PersonMatcher Address = Matcher("""{ "field": "residenceAddress", "comparator": "address", "levels": { "exact": { "m": 0.64, "u": 0.0003 }, "similar": { "m": 0.23, "u": 0.00015 }, "different": { "m": 0.13, "u": 0.9995 } } }""");

    [Theory]
    [InlineData("张三", "張三", ComparisonLevel.Exact)]
    [InlineData("王建国", "王建华", ComparisonLevel.Similar)]
    [InlineData("张伟", "张玮", ComparisonLevel.Similar)]
    [InlineData("张三", "章三", ComparisonLevel.Similar)]
    [InlineData("张伟", "张军", ComparisonLevel.Different)]
    [InlineData("张伟", "李伟", ComparisonLevel.Different)]
    [InlineData("李秀英", "王淑珍", ComparisonLevel.Different)]
    public void Jaro_winkler_compares_folded_names_and_homophones_of_as_many_characters_are_similar(string first, string second, ComparisonLevel expected)
    {
        Assert.Equal(expected, TestRules.Level(MatchField.Name, Named(first), Named(second)));
    }

    [Theory]
    [InlineData("张伟", "张伟", ComparisonLevel.Exact)]
    [InlineData("张伟", "伟张", ComparisonLevel.Similar)]
    [InlineData("张建国", "建国张", ComparisonLevel.Similar)]
    [InlineData("张三", "章三", ComparisonLevel.Similar)]
    [InlineData("王建国", "王建华", ComparisonLevel.Similar)]
    [InlineData("李明", "李明明", ComparisonLevel.Similar)]
    [InlineData("李明", "李敏", ComparisonLevel.Close)]
    [InlineData("陈杰", "阵杰", ComparisonLevel.Close)]
    [InlineData("徐静", "涂静", ComparisonLevel.Close)]
    [InlineData("张伟", "张军", ComparisonLevel.Different)]
    [InlineData("王伟", "玉伟", ComparisonLevel.Different)]
    [InlineData("李明", "季敏", ComparisonLevel.Different)]
    [InlineData("张伟", null, ComparisonLevel.Missing)]
    public void The_pinyin_comparator_tolerates_reordered_homophone_and_close_sounding_names(string first, string? second, ComparisonLevel expected)
    {
        // 李明/李敏: ming and min, one letter apart; 陈/阵 and 徐/涂 look alike and read one letter apart. 王/玉 look
        // alike but read wang and yu; 李明/季敏 differ in two characters.
        Assert.Equal(expected, Pinyin.Compare(Named(first), Named(second))[0].Level);
    }

    [Theory]
    [InlineData("张伟", "伟张", ComparisonLevel.Similar)]
    [InlineData("李明", "李敏", ComparisonLevel.Different)]
    public void The_jaro_winkler_comparator_takes_reordered_names_as_similar_and_has_no_close_level(string first, string second, ComparisonLevel expected)
    {
        Assert.Equal(expected, TestRules.Level(MatchField.Name, Named(first), Named(second)));
    }

    [Theory]
    [InlineData("李刚", "李志刚")]
    [InlineData("刘丽娟", "丽娟")]
    [InlineData("杨德明", "杨刘明")]
    [InlineData("刘志强", "刘志涛强")]
    [InlineData("朱李振华", "李振华")]
    public void Names_one_character_apart_with_three_or_more_characters_are_similar(string first, string second)
    {
        // Jaro-Winkler alone misses these: 李刚/李志刚 0.65, 杨德明/杨刘明 just below 0.8, 刘丽娟/丽娟 0.
        Assert.True(NameComparison.OneCharacterApart(first, second));
        Assert.Equal(ComparisonLevel.Similar, Pinyin.Compare(Named(first), Named(second))[0].Level);
    }

    [Theory]
    [InlineData("王芳", "王丽")]
    [InlineData("刘军", "刘车")]
    [InlineData("徐志刚", "张志刚")]
    [InlineData("李志刚", "李刚强")]
    [InlineData("王建国", "王建国")]
    public void Two_character_names_one_apart_another_surname_or_two_edits_are_not_one_character_apart(string first, string second)
    {
        // Sisters, namesakes of a common given name, or the same name: none is a name with one character mistyped.
        Assert.False(NameComparison.OneCharacterApart(first, second));
    }

    [Fact]
    public void Names_of_different_lengths_or_two_readings_apart_never_sound_close()
    {
        Assert.False(NameComparison.SoundClose("李明", "李明明"));
        Assert.False(NameComparison.SoundClose("李明华", "季敏华"));
        Assert.False(NameComparison.SoundClose("明", "敏"));
        Assert.True(NameComparison.SoundClose("张明华", "张敏华"));
    }

    [Fact]
    public void The_exact_name_comparator_tells_traditional_from_simplified_and_the_folded_one_does_not()
    {
        var exact = Matcher("""{ "field": "name", "comparator": "exact", "levels": { "exact": { "m": 0.9, "u": 0.01 }, "different": { "m": 0.1, "u": 0.99 } } }""");
        var folded = Matcher("""{ "field": "name", "comparator": "foldedName", "levels": { "exact": { "m": 0.9, "u": 0.01 }, "different": { "m": 0.1, "u": 0.99 } } }""");

        Assert.Equal(ComparisonLevel.Different, exact.Compare(Named("張三"), Named("张三"))[0].Level);
        Assert.Equal(ComparisonLevel.Exact, folded.Compare(Named("張三"), Named("张 三"))[0].Level);
    }

    [Theory]
    [InlineData("北京市朝阳区建国路88号院3号楼2单元401", "北京市朝阳区建国路88号院3号楼2单元401", ComparisonLevel.Exact)]
    [InlineData("北京市朝阳区建国路88号院3号楼2单元401", "朝阳区建国路88号3号楼2单元401", ComparisonLevel.Similar)]
    [InlineData("北京市朝阳区建国路88号院3号楼2单元401", "北京市海淀区中关村大街27号", ComparisonLevel.Different)]
    [InlineData("北京市朝阳区建国路88号院3号楼2单元401", null, ComparisonLevel.Missing)]
    public void Jaro_winkler_compares_folded_addresses_when_the_rules_ask_for_it(string first, string? second, ComparisonLevel expected)
    {
        var similar = Matcher("""{ "field": "residenceAddress", "comparator": "jaroWinkler", "similarity": 0.85, "levels": { "exact": { "m": 0.6, "u": 0.0005 }, "similar": { "m": 0.25, "u": 0.005 }, "different": { "m": 0.15, "u": 0.9945 } } }""");

        Assert.Equal(expected, similar.Compare(LivingAt(first), LivingAt(second))[0].Level);
    }

    [Theory]
    [InlineData("北京市朝阳区建外街道光华里社区金台路12号院3号楼2单元1102", ComparisonLevel.Exact)]
    [InlineData("朝阳区建外街道光华里社区金台路12号院3号楼2单元1102", ComparisonLevel.Similar)]
    [InlineData("建外街道光华里社区金台路12号院3号楼2单元1102", ComparisonLevel.Similar)]
    [InlineData("光华里金台路12号3号楼2单元1102", ComparisonLevel.Similar)]
    [InlineData("北京市朝阳区建外街道光华里金台路12号院3号楼2单元1102", ComparisonLevel.Similar)]
    [InlineData("北京市朝阳区建外街道光华里社区金台路12号院3号楼2单元1103", ComparisonLevel.Different)]
    [InlineData("2单元1102", ComparisonLevel.Different)]
    [InlineData("北京市朝阳区建外街道光华里社区团结湖路12号院3号楼2单元1102", ComparisonLevel.Different)]
    [InlineData(null, ComparisonLevel.Missing)]
    public void The_address_comparator_takes_an_address_shortened_in_front_as_similar_and_a_neighbour_as_different(string? other, ComparisonLevel expected)
    {
        const string Full = "北京市朝阳区建外街道光华里社区金台路12号院3号楼2单元1102";

        Assert.Equal(expected, Address.Compare(LivingAt(Full), LivingAt(other))[0].Level);
        Assert.Equal(expected, Address.Compare(LivingAt(other), LivingAt(Full))[0].Level);
    }

    [Fact]
    public void A_different_address_says_nothing_more_when_the_residence_divisions_differ_too()
    {
        // Someone who moved has another community and another address: the division's level counts the move once.
        var here = new MatchRecord { ResidenceAddress = "光华里金台路12号3号楼2单元1102", ResidenceDivision = DivisionCode.Parse("110105001002") };
        var moved = new MatchRecord { ResidenceAddress = "幸福村朝阳路7号1号楼1单元301", ResidenceDivision = DivisionCode.Parse("110105001005") };
        var neighbour = moved with { ResidenceDivision = here.ResidenceDivision };
        var shortened = moved with { ResidenceAddress = "北京市朝阳区建外街道光华里金台路12号3号楼2单元1102" };

        Assert.Equal(ComparisonLevel.Missing, Address.Compare(here, moved)[0].Level);
        Assert.Equal(ComparisonLevel.Different, Address.Compare(here, neighbour)[0].Level);
        Assert.Equal(ComparisonLevel.Similar, Address.Compare(here, shortened)[0].Level);
        Assert.Equal(ComparisonLevel.Different, Address.Compare(here, moved with { ResidenceDivision = null })[0].Level);
    }

    [Theory]
    [InlineData("1985-03-02", "1985-03-02", ComparisonLevel.Exact)]
    [InlineData("1985-03-02", "1985-03-20", ComparisonLevel.Partial)]
    [InlineData("1985-03-02", "1985-02-03", ComparisonLevel.Partial)]
    [InlineData("1985-03-02", "1985-04-02", ComparisonLevel.Partial)]
    [InlineData("1985-03-02", "1958-03-02", ComparisonLevel.Partial)]
    [InlineData("1985-03-02", "1995-03-02", ComparisonLevel.Partial)]
    [InlineData("1985-03-02", "1985-03-12", ComparisonLevel.Partial)]
    [InlineData("1985-03-02", "1985-04-12", ComparisonLevel.Different)]
    [InlineData("1985-03-02", "1958-03-20", ComparisonLevel.Different)]
    [InlineData("1985-03-02", "1986-07-15", ComparisonLevel.Different)]
    [InlineData("1985-03-02", null, ComparisonLevel.Missing)]
    public void Dates_agree_exactly_partly_with_one_typo_or_swapped_day_and_month_or_not(string first, string? second, ComparisonLevel expected)
    {
        Assert.Equal(expected, TestRules.Level(MatchField.BirthDate, Born(first), Born(second)));
    }

    [Theory]
    [InlineData("110105001002", "110105001002", ComparisonLevel.Exact)]
    [InlineData("110105001002", "110105001007", ComparisonLevel.Street)]
    [InlineData("110105001002", "110105004002", ComparisonLevel.County)]
    [InlineData("110105001002", "110108001002", ComparisonLevel.Different)]
    public void Divisions_agree_on_a_prefix_of_12_9_or_6_digits(string first, string second, ComparisonLevel expected)
    {
        Assert.Equal(expected, TestRules.Level(MatchField.ResidenceDivision, Living(first), Living(second)));
    }

    [Fact]
    public void The_exact_division_comparator_has_no_partial_levels()
    {
        var first = new MatchRecord { RegistrationDivision = DivisionCode.Parse("110105001002") };
        var second = new MatchRecord { RegistrationDivision = DivisionCode.Parse("110105001007") };

        Assert.Equal(ComparisonLevel.Different, TestRules.Level(MatchField.RegistrationDivision, first, second));
        Assert.Equal(ComparisonLevel.Exact, TestRules.Level(MatchField.RegistrationDivision, first, first));
    }

    [Theory]
    [InlineData("北京市朝阳区光华里5号院3号楼", "北京市朝阳区 光华里５號院３號樓", ComparisonLevel.Exact)]
    [InlineData("北京市朝阳区光华里5号院3号楼", "北京市朝阳区光华里5号院4号楼", ComparisonLevel.Different)]
    public void Addresses_are_compared_folded(string first, string second, ComparisonLevel expected)
    {
        Assert.Equal(expected, TestRules.Level(MatchField.ResidenceAddress, new MatchRecord { ResidenceAddress = first }, new MatchRecord { ResidenceAddress = second }));
    }

    [Fact]
    public void Phones_and_sexes_agree_only_exactly()
    {
        var first = new MatchRecord { Phone = "13800000000", Sex = Sex.Male };
        var second = new MatchRecord { Phone = "13800000001", Sex = Sex.Female };

        Assert.Equal(ComparisonLevel.Exact, TestRules.Level(MatchField.Phone, first, first with { }));
        Assert.Equal(ComparisonLevel.Different, TestRules.Level(MatchField.Phone, first, second));
        Assert.Equal(ComparisonLevel.Different, TestRules.Level(MatchField.Sex, first, second));
        Assert.Equal(ComparisonLevel.Missing, TestRules.Level(MatchField.Phone, first, new MatchRecord()));
    }

    [Theory]
    [InlineData("wrong check character", ComparisonLevel.Exact)]
    [InlineData("dropped check character", ComparisonLevel.Exact)]
    [InlineData("one digit mistyped", ComparisonLevel.OneEdit)]
    [InlineData("two neighbours swapped", ComparisonLevel.OneEdit)]
    [InlineData("a digit dropped", ComparisonLevel.OneEdit)]
    [InlineData("scientific notation", ComparisonLevel.Prefix)]
    [InlineData("another person's number", ComparisonLevel.Different)]
    [InlineData("another county in scientific notation", ComparisonLevel.Different)]
    [InlineData("empty", ComparisonLevel.Missing)]
    public void Id_evidence_agrees_with_or_contradicts_a_valid_number(string what, ComparisonLevel expected)
    {
        var text = what switch
        {
            "wrong check character" => Valid[..17] + (Valid[17] == '5' ? '6' : '5'),
            "dropped check character" => Valid[..17],
            "one digit mistyped" => Valid[..15] + (Valid[15] == '9' ? '8' : '9') + Valid[16..],
            "two neighbours swapped" => "11010519850320003" + Valid[17],
            "a digit dropped" => Valid[..3] + Valid[4..],
            "scientific notation" => "1.10105E+17",
            "another person's number" => "11010519850302113",
            "another county in scientific notation" => "1.10108E+17",
            _ => string.Empty,
        };
        var incoming = MatchRecord.FromAttributes(new Dictionary<string, string>(), text);
        var candidate = MatchRecord.FromAttributes(new Dictionary<string, string>(), Valid);

        Assert.Null(incoming.ResidentId);
        Assert.Equal(expected, TestRules.Level(MatchField.ResidentId, incoming, candidate));
    }

    [Fact]
    public void Two_pieces_of_evidence_are_compared_on_what_both_kept()
    {
        var mangled = MatchRecord.FromAttributes(new Dictionary<string, string>(), "1.10105E+17");
        var truncated = MatchRecord.FromAttributes(new Dictionary<string, string>(), Valid[..17]);
        var elsewhere = MatchRecord.FromAttributes(new Dictionary<string, string>(), "4.40305E+17");

        Assert.Equal(ComparisonLevel.Prefix, TestRules.Level(MatchField.ResidentId, mangled, truncated));
        Assert.Equal(ComparisonLevel.Different, TestRules.Level(MatchField.ResidentId, elsewhere, truncated));
    }

    [Fact]
    public void Two_unusable_numbers_two_typing_errors_apart_neither_agree_nor_contradict()
    {
        // Each may carry one error of its own; a valid number carries none, so against it two errors contradict.
        var first = Valid[..15] + (Valid[15] == '9' ? '8' : '9') + Valid[16..];
        var second = Valid[..4] + (Valid[4] == '9' ? '8' : '9') + Valid[5..];
        var third = "11010819850302113";
        var evidence = (string text) => MatchRecord.FromAttributes(new Dictionary<string, string>(), text);

        Assert.Equal(ComparisonLevel.Missing, TestRules.Level(MatchField.ResidentId, evidence(first), evidence(second)));
        Assert.Equal(ComparisonLevel.Different, TestRules.Level(MatchField.ResidentId, evidence(first), evidence(third)));
        Assert.Equal(ComparisonLevel.OneEdit, TestRules.Level(MatchField.ResidentId, evidence(first), evidence(Valid)));
        Assert.Equal(ComparisonLevel.Different, TestRules.Level(MatchField.ResidentId, evidence(second[..5] + first[5..]), evidence(Valid)));
    }

    [Fact]
    public void Each_level_weighs_log2_of_m_over_u()
    {
        var comparisons = TestRules.ComparatorMatcher.Compare(Born("1985-03-02"), Born("1985-03-20"));

        Assert.Equal(2.0, comparisons.Single(c => c.Field == MatchField.BirthDate).Weight, 10);
        Assert.Equal(0.0, comparisons.Single(c => c.Field == MatchField.Phone).Weight, 10);
    }

    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.840)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    [InlineData("ABC", "XYZ", 0.0)]
    public void Jaro_winkler_gives_the_textbook_values(string first, string second, double expected)
    {
        Assert.Equal(expected, JaroWinkler.Similarity(first, second), 3);
    }

    private static PersonMatcher Matcher(string field) =>
        new(MatchRules.Parse($$"""{ "thresholds": { "match": 10, "possibleMatch": 5 }, "fields": [ {{field}} ] }"""));

    private static MatchRecord Named(string? name) => new() { Name = name };

    private static MatchRecord Born(string? date) => new() { BirthDate = date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture) };

    private static MatchRecord Living(string division) => new() { ResidenceDivision = DivisionCode.Parse(division) };

    private static MatchRecord LivingAt(string? address) => new() { ResidenceAddress = address };
}
