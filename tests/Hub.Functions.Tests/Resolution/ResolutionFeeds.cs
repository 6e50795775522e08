using System.Text;
using Hub.Tests.Shared;

namespace Hub.Functions.Tests.Resolution;

/// <summary>
/// Department feeds for resolution scenarios, one row per person. The people are spelled out rather than taken from
/// <see cref="Infrastructure.TestPeople"/>, because matching depends on birth dates, sexes and places agreeing.
/// </summary>
internal static class ResolutionFeeds
{
    /// <summary>The community every scenario lives in.</summary>
    public const string Community = "110105003002";

    /// <summary>A valid ID number from its first 17 characters (the 17th is odd for men, even for women).</summary>
    public static string Id(string body) => IdNumbers.Complete(body);

    /// <summary>The same ID number with its check character replaced: unusable, but its body is evidence.</summary>
    public static string WithWrongCheck(string id) => id[..17] + (id[17] == '0' ? "1" : "0");

    /// <summary>A police household register extract.</summary>
    public static byte[] Police(params PoliceRow[] rows)
    {
        var csv = new StringBuilder("公民身份号码,姓名,性别,户号,与户主关系,户籍地址,户籍地区划代码,居住登记类型,居住地区划代码,人员状态\r\n");
        foreach (var row in rows)
        {
            csv.Append($"{row.Id},{row.Name},{row.Sex},{row.Household},{row.Relation},朝阳区幸福里{row.Household}号,{Community},户籍,{Community},正常\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>A civil-affairs 城市低保 roll with one row; <paramref name="id"/> may be empty or malformed.</summary>
    public static byte[] CivilAffairs(string id, string name, string sex, string birthDate, string amount = "1250", string? phone = null) =>
        Encoding.UTF8.GetBytes(
            "身份证号码,姓名,性别,出生日期,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格,联系电话\r\n" +
            $"{id},{name},{sex},{birthDate},城市低保,{amount},2024/3/1,{Community},G07,{phone}\r\n");

    /// <summary>A disability-federation roll with one certificate holder.</summary>
    public static byte[] DisabilityFederation(string id, string name, string sex) =>
        Encoding.UTF8.GetBytes(
            "身份证号,姓名,性别,残疾证号,残疾类别,残疾等级,发证日期,居住地区划代码,网格\r\n" +
            $"{id},{name},{sex},{id}42,肢体残疾,二级,2020-01-01,{Community},G07\r\n");

    /// <summary>One person in a police extract.</summary>
    public sealed record PoliceRow(string Id, string Name, string Sex, string Household = "7", string Relation = "户主");
}
