using System.Globalization;
using System.Text;
using Hub.Tests.Shared;

namespace Hub.Functions.Tests.Infrastructure;

/// <summary>Fictional residents with valid ID numbers, made deterministically from an index.</summary>
public static class TestPeople
{
    private static readonly string[] Counties = ["110105", "110108", "440305", "310104", "320102", "510104", "420106", "330106"];

    /// <summary>A valid 18-character ID number for person <paramref name="index"/>, distinct for up to 144,000 people.</summary>
    public static string Id(int index)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(index % 18000 * 37 % 18000);
        var county = Counties[index / 18000 % Counties.Length];
        var body = string.Create(CultureInfo.InvariantCulture, $"{county}{birth:yyyyMMdd}{index % 1000:D3}");
        return IdNumbers.Complete(body);
    }

    /// <summary>A civil-affairs CSV with a header and one 城市低保 row per index.</summary>
    public static byte[] CivilAffairsCsv(IEnumerable<int> people, Func<int, string>? amount = null)
    {
        var csv = new StringBuilder("身份证号码,姓名,性别,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格\r\n");
        foreach (var i in people)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Id(i)},测试{i},女,城市低保,{amount?.Invoke(i) ?? "1250"},2024/3/1,110105003002,G07\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
