using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hub.Core.Kernel;
using Hub.Samples;

namespace Hub.Cli.Tests;

/// <summary>
/// Exports laid out the awkward ways offices lay them out, cut from a generated population with the sample writers:
/// a register keyed by the disability certificate number alone, tenants without ID numbers whose address is split,
/// and the police register with meaningless headers. Each returns the people it holds, to look for in what a draft writes.
/// </summary>
internal static class OnboardingExports
{
    public static readonly string[] CertificateColumns = ["残疾人证号", "姓名", "性别", "联系电话", "居住地区划代码"];

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Population Population { get; } = new PopulationGenerator(new PopulationOptions { Seed = 11, People = 800 }).Generate();

    /// <summary>残联's register keyed by the 残疾人证号 alone: the holder's ID followed by the category and grade digits.</summary>
    public static async Task<IReadOnlyList<Person>> WriteCertificatesAsync(string path, SampleFileFormat format)
    {
        var people = Population.People.Where(p => p.Disability is not null).ToList();
        var rows = people.Select((p, i) => Row(i, p, new Dictionary<string, string?>
        {
            ["残疾人证号"] = p.Disability!.CertificateNumber,
            ["姓名"] = p.Name,
            ["性别"] = p.Sex == Sex.Male ? "男" : "女",
            ["联系电话"] = p.Phone,
            ["居住地区划代码"] = p.Residence.Division.Value,
        }));
        await WriteAsync(path, ShippedSources.DisabilityFederation, CertificateColumns, rows, format);
        return people;
    }

    /// <summary>
    /// 住房保障's tenants as JSON, without ID numbers: the address split over 楼栋, 单元 and 房号, a remark in some records
    /// only, and, when <paramref name="nested"/>, the contract as a nested object the Hub cannot take.
    /// </summary>
    public static async Task<IReadOnlyList<Person>> WriteRentalsAsync(string path, bool nested)
    {
        var people = Population.People.Where(p => p.Tenancy is not null && p.Phone is not null).ToList();
        var records = people.Select((p, i) =>
        {
            var record = new Dictionary<string, object?>
            {
                ["承租人"] = p.Name,
                ["联系电话"] = p.Phone,
                ["楼栋"] = (1 + (i % 12)).ToString(CultureInfo.InvariantCulture),
                ["单元"] = (1 + (i % 4)).ToString(CultureInfo.InvariantCulture),
                ["房号"] = (101 + (i % 30)).ToString(CultureInfo.InvariantCulture),
                ["入住日期"] = p.Tenancy!.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            if (i % 3 == 0)
            {
                record["备注"] = i % 2 == 0 ? "续租" : "新签";
            }

            if (nested)
            {
                record["合同"] = new Dictionary<string, object?> { ["租金"] = p.Tenancy.MonthlyRent, ["到期"] = p.Tenancy.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
            }

            return record;
        });
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(records, Json));
        return people;
    }

    /// <summary>The police register with its headers replaced by col1, col2, …: only the values tell what a column is.</summary>
    public static async Task<IReadOnlyList<Person>> WriteNamelessAsync(string path)
    {
        var feed = FeedWriter.Compose(Population, ShippedSources.Get(ShippedSources.Police));
        var names = feed.Columns.Select((c, i) => (Column: c, Name: string.Create(CultureInfo.InvariantCulture, $"col{i + 1}"))).ToList();
        var rows = feed.Rows.Select(r => r with { Values = names.ToDictionary(n => n.Name, n => r.Values[n.Column]) });
        await WriteAsync(path, ShippedSources.Police, [.. names.Select(n => n.Name)], rows, SampleFileFormat.CsvUtf8Bom);
        return [.. feed.Rows.Select(r => r.Person).Distinct()];
    }

    /// <summary>Every personal value of <paramref name="people"/> as a file may hold it: what no draft may write.</summary>
    public static IEnumerable<string> PersonalValues(IEnumerable<Person> people) => people.SelectMany(p => new[]
    {
        p.ResidentId.Value, p.ResidentId.Value[..17], p.Name, p.FormerName, p.Phone, p.Residence.Address, p.Registration.Address,
        p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.BirthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        p.Disability?.CertificateNumber, p.Disability?.GuardianPhone,
    }).OfType<string>().Distinct(StringComparer.Ordinal);

    private static SampleRow Row(int index, Person person, Dictionary<string, string?> values) => new(index + 1, person, values, []);

    private static async Task WriteAsync(string path, string source, IReadOnlyList<string> columns, IEnumerable<SampleRow> rows, SampleFileFormat format)
    {
        var feed = new SampleFeed(ShippedSources.Get(source), columns, [.. rows]);
        await using var stream = File.Create(path);
        await FeedWriter.WriteAsync(feed, stream, format);
    }
}
