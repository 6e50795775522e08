using System.Security.Cryptography;
using System.Text;
using Hub.Core.Kernel;
using Hub.Core.Profiles;

namespace Hub.Core.Tests.Profiles;

/// <summary>
/// Facts about fictional people as the four departments send them, in the Hub's normal form (codes, ISO dates,
/// 12-digit divisions). Times are 10:00 in Beijing (02:00 UTC) unless a test needs a day boundary.
/// </summary>
internal static class TestFacts
{
    public const string PoliceAddress = "北京市朝阳区建外街道光华里社区金台路12号院3号楼2单元1203";
    public const string PoliceDivision = "110105001001";
    public const string SecondAddress = "北京市海淀区万寿路街道翠微社区万寿路27号院5号楼1单元0602";
    public const string SecondAddressDivision = "110108001003";
    public const string LeaseAddress = "北京市朝阳区朝外街道芙蓉里社区朝阳路8号院2号楼3单元0401";
    public const string LeaseDivision = "110105002004";
    public const string CivilDivision = "110105003002";

    public static readonly PersonKey Key = PersonKey.Parse("0123456789abcdef0123456789abcdef");
    public static readonly DateOnly June30 = new(2026, 6, 30);

    /// <summary>A person key for a named test person.</summary>
    public static PersonKey KeyFor(string name) =>
        PersonKey.Parse(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16)));

    public static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 2, 0, 0, TimeSpan.Zero);

    public static FactView Police(DateTimeOffset updated, params (string Attribute, string? Value)[] changes) => Fact("police", string.Empty, updated, new()
    {
        ["residentId"] = "11010519491231002X",
        ["name"] = "王秀英",
        ["sex"] = "female",
        ["ethnicity"] = "汉族",
        ["birthDate"] = "1949-12-31",
        ["householdNumber"] = "050012345",
        ["relationToHead"] = "head",
        ["registrationAddress"] = PoliceAddress,
        ["registrationDivision"] = PoliceDivision,
        ["residenceRegistrationType"] = "household",
        ["residenceDivision"] = PoliceDivision,
        ["residenceAddress"] = PoliceAddress,
        ["residenceGrid"] = "G03",
        ["personStatus"] = "active",
        ["registeredOn"] = "1985-03-01",
    }, changes);

    public static FactView CivilAffairs(string assistanceType, DateTimeOffset updated, params (string Attribute, string? Value)[] changes) => Fact("civil-affairs", assistanceType, updated, new()
    {
        ["residentId"] = "11010519491231002X",
        ["name"] = "王秀英",
        ["sex"] = "female",
        ["birthDate"] = "1949-12-31",
        ["assistanceType"] = assistanceType,
        ["assistanceAmount"] = "1335",
        ["householdSize"] = "2",
        ["validFrom"] = "2019-04-01",
        ["registrationDivision"] = PoliceDivision,
        ["residenceDivision"] = CivilDivision,
        ["residenceGrid"] = "G05",
        ["residenceAddress"] = "朝阳区呼家楼街道金台里社区",
        ["phone"] = "13801234567",
    }, changes);

    public static FactView DisabilityFederation(DateTimeOffset updated, params (string Attribute, string? Value)[] changes) => Fact("disability-federation", string.Empty, updated, new()
    {
        ["residentId"] = "11010519491231002X",
        ["name"] = "王秀英",
        ["sex"] = "female",
        ["disabilityCertificate"] = "11010519491231002X42",
        ["disabilityCategory"] = "physical",
        ["disabilityGrade"] = "2",
        ["validFrom"] = "2018-05-20",
        ["validTo"] = "2028-05-19",
        ["residenceDivision"] = PoliceDivision,
        ["residenceGrid"] = "G03",
        ["phone"] = "13901112222",
    }, changes);

    public static FactView HousingSecurity(DateTimeOffset updated, params (string Attribute, string? Value)[] changes) => Fact("housing-security", "public-rental", updated, new()
    {
        ["residentId"] = "11010519491231002X",
        ["name"] = "王秀英",
        ["housingType"] = "public-rental",
        ["residenceAddress"] = LeaseAddress,
        ["residenceDivision"] = LeaseDivision,
        ["residenceGrid"] = "G02",
        ["validFrom"] = "2024-09-01",
        ["validTo"] = "2027-08-31",
        ["monthlyRent"] = "860",
        ["householdSize"] = "2",
        ["phone"] = "13611113333",
    }, changes);

    public static FactView Fact(string source, string discriminator, DateTimeOffset updated, Dictionary<string, string> attributes, params (string Attribute, string? Value)[] changes)
    {
        foreach (var (attribute, value) in changes)
        {
            if (value is null)
            {
                attributes.Remove(attribute);
            }
            else
            {
                attributes[attribute] = value;
            }
        }

        return new FactView(source, discriminator, attributes, $"{source}-{updated:yyyyMMdd}", updated, EndedAt: null, FirstSeenAt: updated);
    }

    public static PersonProfile Build(params FactView[] facts) => ShippedRules.Builder().Build(Key, facts, June30);
}
