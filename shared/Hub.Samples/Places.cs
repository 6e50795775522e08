using System.Globalization;
using Hub.Core.Kernel;

namespace Hub.Samples;

/// <summary>
/// The fictional map: two Beijing districts where the Hub's people live, two districts elsewhere where a few of
/// them are registered, and counties that only appear as the birthplace part of ID numbers. County codes are real
/// GB/T 2260 codes; street and community names are made up.
/// </summary>
internal static class Places
{
    private static readonly string[] CommunityNames =
    [
        "光华里", "金台里", "核桃园", "团结湖", "幸福村", "白家庄", "东大桥", "南郎家园", "北郎家园", "百子湾",
        "八里庄", "花园村", "柳林", "翠微", "永定", "育新", "双榆树", "紫竹", "茂林居", "芙蓉里",
    ];

    private static readonly string[] Roads =
    [
        "金台路", "团结湖路", "工体北路", "农展馆南路", "朝阳路", "光华路", "万寿路", "永定路", "羊坊店路", "紫竹院路",
    ];

    public static IReadOnlyList<County> Home { get; } =
    [
        new("110105", "北京市朝阳区", "010", ["建外街道", "朝外街道", "呼家楼街道", "三里屯街道", "左家庄街道", "香河园街道"]),
        new("110108", "北京市海淀区", "010", ["万寿路街道", "永定路街道", "羊坊店街道", "甘家口街道", "八里庄街道", "紫竹院街道"]),
    ];

    public static IReadOnlyList<County> Elsewhere { get; } =
    [
        new("440305", "广东省深圳市南山区", "0755", ["南头街道", "南山街道"]),
        new("310104", "上海市徐汇区", "021", ["湖南路街道", "天平路街道"]),
    ];

    /// <summary>Counties people were born in before moving: they appear only as an ID number's address code.</summary>
    public static IReadOnlyList<string> Birthplaces { get; } = ["130102", "410105", "510104", "420106", "370102", "110102", "440305", "310104"];

    public const int CommunitiesPerStreet = 8;

    public const int GridsPerCommunity = 8;

    public static Place Draw(Random random, County county) => Draw(random, county, random.Next(county.Streets.Count));

    /// <summary>
    /// Where someone living at <paramref name="current"/> plausibly lived before: mostly another community of the
    /// same street, sometimes another street of the district, now and then the other home district.
    /// </summary>
    public static Place Previous(Random random, Place current)
    {
        var county = CountyOf(current.Division);
        var street = int.Parse(current.Division.Value.AsSpan(6, 3), CultureInfo.InvariantCulture) - 1;
        var roll = random.NextDouble();
        while (true)
        {
            var previous = roll switch
            {
                < 0.55 => Draw(random, county, street),
                < 0.85 => Draw(random, county, random.Next(county.Streets.Count)),
                _ => Draw(random, random.Pick(Home.Where(c => c.Code != county.Code).ToArray())),
            };
            if (previous.Division != current.Division)
            {
                return previous;
            }
        }
    }

    private static Place Draw(Random random, County county, int street)
    {
        var community = random.Next(CommunitiesPerStreet);

        // Statistical codes: streets (街道) are 001-099, residents' committees (社区) 001-199.
        var division = DivisionCode.Parse(string.Create(CultureInfo.InvariantCulture, $"{county.Code}{street + 1:D3}{community + 1:D3}"));
        var grid = string.Create(CultureInfo.InvariantCulture, $"G{random.Next(1, GridsPerCommunity + 1):D2}");
        var communityName = CommunityNames[((street * 7) + community) % CommunityNames.Length];
        var address = string.Create(
            CultureInfo.InvariantCulture,
            $"{county.Name}{county.Streets[street]}{communityName}社区{random.Pick(Roads)}{random.Next(1, 80)}号院{random.Next(1, 16)}号楼{random.Next(1, 5)}单元{random.Next(1, 19)}{random.Next(1, 5):D2}");
        return new Place(division, grid, address);
    }

    public static County CountyOf(DivisionCode division) =>
        Home.Concat(Elsewhere).First(c => c.Code == division.County);

    public sealed record County(string Code, string Name, string AreaCode, IReadOnlyList<string> Streets);
}