namespace Hub.Samples.Corruption;

/// <summary>
/// Name characters that sound alike (同音字), grouped by toneless pinyin. Hand-picked, not a pinyin dictionary: the
/// characters of the generated names, each beside common name characters read the same way without tones, so that a
/// pinyin input method offers them for the same syllable. A character has at most one group; one with none (孙)
/// gets no homophone.
/// </summary>
internal static class Homophones
{
    private static readonly string[] Groups =
    [
        "王汪", "李黎丽莉立利", "张章彰", "刘柳留", "陈晨辰", "杨阳洋扬", "赵昭照", "黄皇煌", "周舟洲", "吴伍武",
        "徐许旭", "胡湖", "朱珠", "林琳霖", "何和禾", "郭国", "马玛", "罗洛", "梁良亮", "宋松", "郑正政", "韩涵寒",
        "冯凤峰枫", "邓登", "建健剑", "强蔷", "明鸣铭", "志智", "华桦", "庆青清", "振珍", "宝保", "山珊", "文雯",
        "刚钢", "军俊君", "福富", "贵桂", "永勇", "英颖莹", "玉宇雨", "兰岚", "淑书", "红宏洪", "梅美", "芳方",
        "伟玮薇", "磊蕾", "杰洁", "涛韬", "超朝", "辉慧惠", "斌彬", "鹏朋", "波博", "晓小", "东冬", "娜纳", "敏民",
        "静晶", "艳燕妍", "娟鹃", "霞夏", "玲铃", "浩昊", "子梓紫", "轩萱", "航杭", "一怡宜", "天田", "佑友", "飞菲",
        "欣馨", "桐彤", "诗师", "佳嘉", "可珂", "思斯", "婷亭", "雪学",
    ];

    private static readonly Dictionary<char, string> ByCharacter = Groups
        .SelectMany(g => g.Select(c => (Character: c, Others: g.Replace(c.ToString(), string.Empty, StringComparison.Ordinal))))
        .ToDictionary(p => p.Character, p => p.Others);

    /// <summary>The characters that sound like <paramref name="character"/>; empty when the table has none.</summary>
    public static string Of(char character) => ByCharacter.GetValueOrDefault(character, string.Empty);
}
