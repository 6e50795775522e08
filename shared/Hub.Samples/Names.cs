using System.Text;
using Hub.Core.Kernel;

namespace Hub.Samples;

/// <summary>
/// Chinese names drawn the way they occur: a few surnames cover most people, given names follow the fashion of
/// the birth decade, so namesakes are common (as they are in any real register).
/// </summary>
internal static class Names
{
    private static readonly (string Item, int Weight)[] Surnames =
    [
        ("王", 72), ("李", 72), ("张", 69), ("刘", 54), ("陈", 46), ("杨", 32), ("赵", 20), ("黄", 18), ("周", 17),
        ("吴", 16), ("徐", 14), ("孙", 13), ("胡", 10), ("朱", 10), ("高", 10), ("林", 9), ("何", 9), ("郭", 9),
        ("马", 8), ("罗", 7), ("梁", 7), ("宋", 6), ("郑", 6), ("谢", 6), ("韩", 5), ("冯", 5), ("邓", 5), ("许", 4),
    ];

    private static readonly string[] OlderMen = ["建国", "国强", "德明", "志强", "建华", "国庆", "振华", "宝山", "文", "刚", "军", "明", "福贵", "永庆"];
    private static readonly string[] OlderWomen = ["秀英", "桂英", "玉兰", "凤英", "淑珍", "秀兰", "桂兰", "丽华", "红", "梅", "兰", "芳", "凤兰", "淑华"];
    private static readonly string[] MiddleMen = ["伟", "强", "磊", "军", "勇", "杰", "涛", "超", "辉", "斌", "鹏", "海波", "建军", "晓东", "志刚", "俊"];
    private static readonly string[] MiddleWomen = ["芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "晓燕", "丽娟", "红梅", "海燕", "慧", "颖"];
    private static readonly string[] YoungMen = ["浩然", "子轩", "梓轩", "宇航", "浩宇", "俊杰", "博文", "一鸣", "天佑", "宇", "浩", "晨", "阳", "鹏飞"];
    private static readonly string[] YoungWomen = ["欣怡", "梓涵", "子涵", "雨桐", "诗涵", "佳怡", "可馨", "思雨", "婷", "雪", "怡", "琳", "佳", "欣"];

    /// <summary>Every character the generated names use, in a fixed order: what a slip of the keyboard puts into a name.</summary>
    public static string Characters { get; } = string.Concat(
        Surnames.Select(s => s.Item).Concat(OlderMen).Concat(OlderWomen).Concat(MiddleMen).Concat(MiddleWomen).Concat(YoungMen).Concat(YoungWomen)
            .SelectMany(n => n).Distinct());

    // Simplified characters of common names and the traditional forms an older system stores, position by position.
    private const string Simplified = "张陈刘黄赵杨吴孙马罗郑谢韩冯邓许国华伟强军杰涛辉鹏丽艳凤红兰庆宝贵东静晓轩飞鸣阳颖诗书刚";
    private const string TraditionalForms = "張陳劉黃趙楊吳孫馬羅鄭謝韓馮鄧許國華偉強軍傑濤輝鵬麗艷鳳紅蘭慶寶貴東靜曉軒飛鳴陽穎詩書剛";

    private static readonly Dictionary<char, char> Traditional = Simplified.Zip(TraditionalForms).ToDictionary(p => p.First, p => p.Second);

    public static string Surname(Random random) => random.Pick<string>(Surnames);

    public static string Given(Random random, Sex sex, int birthYear)
    {
        var pool = (birthYear, sex) switch
        {
            ( < 1970, Sex.Male) => OlderMen,
            ( < 1970, _) => OlderWomen,
            ( < 2000, Sex.Male) => MiddleMen,
            ( < 2000, _) => MiddleWomen,
            (_, Sex.Male) => YoungMen,
            _ => YoungWomen,
        };
        return random.Pick(pool);
    }

    /// <summary>The name as an older system that stores traditional characters writes it; null when nothing changes.</summary>
    public static string? ToTraditional(string name)
    {
        var builder = new StringBuilder(name.Length);
        var changed = false;
        foreach (var c in name)
        {
            if (Traditional.TryGetValue(c, out var t))
            {
                builder.Append(t);
                changed = true;
            }
            else
            {
                builder.Append(c);
            }
        }

        return changed ? builder.ToString() : null;
    }
}