using System.Globalization;
using System.Text;
using Hub.Tests.Shared;

namespace Hub.Browser.Tests;

/// <summary>
/// Pairs of twin brothers in a community of another street, each with a civil-affairs record without an ID naming the
/// elder: the matcher cannot tell the brothers apart, so every record waits for a steward, and the queue has pages.
/// </summary>
internal static class QueueSeed
{
    public const string Community = "110105004001";

    public const int Pairs = 8;

    private static readonly string[] Surnames = ["李", "张", "刘", "陈", "杨", "赵", "黄", "周"];

    public static byte[] Police()
    {
        var csv = new StringBuilder("公民身份号码,姓名,性别,户号,与户主关系,户籍地址,户籍地区划代码,居住登记类型,居住地区划代码,人员状态\r\n");
        foreach (var i in Enumerable.Range(0, Pairs))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{IdNumbers.Complete(Body(i) + "011")},{Surnames[i]}志强,男,{700 + i},户主,朝阳区和平里{700 + i}号,{Community},户籍,{Community},正常\r\n");
            csv.Append(CultureInfo.InvariantCulture, $"{IdNumbers.Complete(Body(i) + "031")},{Surnames[i]}志刚,男,{700 + i},子,朝阳区和平里{700 + i}号,{Community},户籍,{Community},正常\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    public static byte[] CivilAffairs()
    {
        var csv = new StringBuilder("身份证号码,姓名,性别,出生日期,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格,联系电话\r\n");
        foreach (var i in Enumerable.Range(0, Pairs))
        {
            csv.Append(CultureInfo.InvariantCulture, $",{Surnames[i]}志强,男,{Birth(i):yyyy-MM-dd},城市低保,1250,2024/3/1,{Community},G01,\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static DateOnly Birth(int pair) => new DateOnly(1975, 1, 1).AddDays(pair * 113);

    private static string Body(int pair) => "110105" + Birth(pair).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
