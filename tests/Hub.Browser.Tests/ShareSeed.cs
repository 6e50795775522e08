using System.Text;
using Hub.Tests.Shared;

namespace Hub.Browser.Tests;

/// <summary>
/// Residents whose police records later say they moved or died, so that change events are real: placed first (a
/// placement is no move), then changed by a police delta once a test has subscribed.
/// </summary>
internal static class ShareSeed
{
    /// <summary>The sample street's community (呼家楼街道第八社区).</summary>
    public const string Home = ConsoleFixture.Community;

    /// <summary>Another community of the same street.</summary>
    public const string SameStreet = "110105003001";

    /// <summary>A community of another street (团结湖街道).</summary>
    public const string OtherStreet = "110105004001";

    /// <summary>Leaves the street: residence and registration move to another street.</summary>
    public static readonly string Liping = IdNumbers.Complete("11010519610611051");

    /// <summary>Comes into the street from another one.</summary>
    public static readonly string Lixin = IdNumbers.Complete("11010519610612051");

    /// <summary>Moves from one community of the street to another.</summary>
    public static readonly string Lihua = IdNumbers.Complete("11010519610613051");

    /// <summary>A 低保 recipient whose death the register reports while the inbox test watches.</summary>
    public static readonly string Liqiang = IdNumbers.Complete("11010519380614051");

    /// <summary>A resident whose death is pushed to a subscriber's endpoint.</summary>
    public static readonly string Lijun = IdNumbers.Complete("11010519360615051");

    private const string PoliceHeader = "公民身份号码,姓名,性别,户号,与户主关系,户籍地址,户籍地区划代码,居住登记类型,居住地区划代码,网格编号,人员状态,死亡日期\r\n";

    private const string CivilAffairsHeader = "身份证号码,姓名,性别,出生日期,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格\r\n";

    public static byte[] MoversPlaced() => Utf8(PoliceHeader +
        Row(Liping, "孙立平", "9101", Home, Home, "G08") +
        Row(Lixin, "孙立新", "9102", OtherStreet, OtherStreet, "G01") +
        Row(Lihua, "孙立华", "9103", Home, Home, "G08"));

    public static byte[] MoversMoved() => Utf8(PoliceHeader +
        Row(Liping, "孙立平", "9101", OtherStreet, OtherStreet, "G01") +
        Row(Lixin, "孙立新", "9102", OtherStreet, Home, "G08", type: "居住登记") +
        Row(Lihua, "孙立华", "9103", Home, SameStreet, "G02", type: "居住登记"));

    public static byte[] RecipientPolice() => Utf8(PoliceHeader + Row(Liqiang, "孙立强", "9104", Home, Home, "G08"));

    public static byte[] RecipientDibao() => Utf8(CivilAffairsHeader + $"{Liqiang},孙立强,男,1938-06-14,城市低保,1300,2021/3/1,{Home},G08\r\n");

    public static byte[] RecipientDied() => Utf8(PoliceHeader + Row(Liqiang, "孙立强", "9104", Home, Home, "G08", status: "死亡", died: "2025-09-15"));

    public static byte[] PushedPersonPolice() => Utf8(PoliceHeader + Row(Lijun, "孙立军", "9105", Home, Home, "G08"));

    public static byte[] PushedPersonDied() => Utf8(PoliceHeader + Row(Lijun, "孙立军", "9105", Home, Home, "G08", status: "死亡", died: "2025-10-20"));

    private static string Row(string id, string name, string household, string registration, string residence, string grid, string type = "户籍", string status = "正常", string died = "") =>
        $"{id},{name},男,{household},户主,朝阳区{household}号,{registration},{type},{residence},{grid},{status},{died}\r\n";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
