namespace Hub.Samples.Corruption;

/// <summary>
/// Characters that optical character recognition, or a tired reader of a scanned form, takes for one another.
/// Hand-picked: digit pairs that OCR engines are known to confuse, and name characters of the generated names beside
/// characters of near-identical shape (王 and 玉, 宇 and 字, 明 and 朋).
/// </summary>
internal static class LookAlikes
{
    private static readonly string[] Groups =
    [
        "08", "17", "38", "56", "69",
        "王玉主", "宇字", "天夫", "明朋", "杨扬汤", "陈阵", "李季", "徐涂", "娟捐绢", "婷停", "玲伶", "梅海", "浩皓",
        "涛祷", "辉挥", "赵超", "刘浏", "军车", "俊梭", "晨辰", "斌赋",
    ];

    private static readonly Dictionary<char, string> ByCharacter = Groups
        .SelectMany(g => g.Select(c => (Character: c, Others: g.Replace(c.ToString(), string.Empty, StringComparison.Ordinal))))
        .GroupBy(p => p.Character)
        .ToDictionary(g => g.Key, g => string.Concat(g.Select(p => p.Others)));

    /// <summary>The characters taken for <paramref name="character"/>; empty when the table has none.</summary>
    public static string Of(char character) => ByCharacter.GetValueOrDefault(character, string.Empty);
}
