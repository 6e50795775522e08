using System.Globalization;
using System.Text;
using Hub.Tests.Shared;

namespace Hub.Functions.Tests.Resolution;

/// <summary>
/// Many possible matches at once: pairs of twin brothers (same birth date, sex, household and community, names one
/// character apart), each pair with one department record without an ID naming the elder, which the matcher cannot
/// tell from the younger and queues for a steward. Pairs are spread over two streets of one district.
/// </summary>
internal static class QueueFeeds
{
    public const string StreetA = "110105003000";

    public const string StreetB = "110105004000";

    private static readonly string[] Communities = ["110105003002", "110105004001"];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱"];

    private static readonly (string Elder, string Younger)[] GivenNames =
        [("建国", "建华"), ("志强", "志刚"), ("海波", "海涛"), ("国庆", "国强"), ("文斌", "文杰"), ("明辉", "明亮"), ("永刚", "永强")];

    /// <summary>Twins number <paramref name="index"/>: in street A when <paramref name="inStreetB"/> is false.</summary>
    public static Twins Pair(int index, bool inStreetB = false)
    {
        var birth = new DateOnly(1970, 1, 1).AddDays(index * 97);
        var body = "110105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var (elder, younger) = GivenNames[index % GivenNames.Length];
        var surname = Surnames[index % Surnames.Length];
        return new Twins(index, IdNumbers.Complete(body + "011"), IdNumbers.Complete(body + "031"), surname + elder, surname + younger, birth, Communities[inStreetB ? 1 : 0]);
    }

    /// <summary>The police register of <paramref name="pairs"/>: each twin with a valid ID.</summary>
    public static byte[] Police(IEnumerable<Twins> pairs)
    {
        var csv = new StringBuilder("公民身份号码,姓名,性别,户号,与户主关系,户籍地址,户籍地区划代码,居住登记类型,居住地区划代码,人员状态\r\n");
        foreach (var p in pairs)
        {
            var household = 500 + p.Index;
            csv.Append(CultureInfo.InvariantCulture, $"{p.ElderId},{p.Elder},男,{household},户主,朝阳区幸福里{household}号,{p.Community},户籍,{p.Community},正常\r\n");
            csv.Append(CultureInfo.InvariantCulture, $"{p.YoungerId},{p.Younger},男,{household},子,朝阳区幸福里{household}号,{p.Community},户籍,{p.Community},正常\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>A civil-affairs 低保 roll naming each pair's elder without an ID.</summary>
    public static byte[] CivilAffairs(IEnumerable<Twins> pairs)
    {
        var csv = new StringBuilder("身份证号码,姓名,性别,出生日期,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格,联系电话\r\n");
        foreach (var p in pairs)
        {
            csv.Append(CultureInfo.InvariantCulture, $",{p.Elder},男,{p.Birth:yyyy-MM-dd},城市低保,1250,2024/3/1,{p.Community},G07,\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>A disability-federation roll naming each pair's elder with an ID number whose check character is wrong.</summary>
    public static byte[] DisabilityFederation(IEnumerable<Twins> pairs)
    {
        var csv = new StringBuilder("身份证号,姓名,性别,残疾证号,残疾类别,残疾等级,发证日期,居住地区划代码,网格\r\n");
        foreach (var p in pairs)
        {
            var body = p.ElderId[..14] + "021";
            var unusable = body + (IdNumbers.Complete(body)[17] == '0' ? "1" : "0");
            csv.Append(CultureInfo.InvariantCulture, $"{unusable},{p.Elder},男,C{p.Index:D6},肢体残疾,二级,2020-01-01,{p.Community},G07\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>A pair of twins and where they live.</summary>
    public sealed record Twins(int Index, string ElderId, string YoungerId, string Elder, string Younger, DateOnly Birth, string Community);
}
