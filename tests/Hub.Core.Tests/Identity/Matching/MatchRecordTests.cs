using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;
using Hub.Tests.Shared;

namespace Hub.Core.Tests.Identity.Matching;

public sealed class MatchRecordTests
{
    private static readonly string Valid = IdNumbers.Complete("11010519850302004");

    [Fact]
    public void A_record_is_read_from_the_hubs_normalised_attributes()
    {
        var record = MatchRecord.FromAttributes(
            new Dictionary<string, string>
            {
                ["name"] = "張三",
                ["birthDate"] = "1985-03-02",
                ["sex"] = "female",
                ["residenceDivision"] = "110105001002",
                ["registrationDivision"] = "110108003004",
                ["phone"] = "13800000000",
                ["assistanceType"] = "dibao",
            },
            residentIdText: null);

        Assert.Equal("張三", record.Name);
        Assert.Equal("张三", record.FoldedName);
        Assert.Equal(new DateOnly(1985, 3, 2), record.BirthDate);
        Assert.Equal(Sex.Female, record.Sex);
        Assert.Equal(DivisionCode.Parse("110105001002"), record.ResidenceDivision);
        Assert.Equal(DivisionCode.Parse("110108003004"), record.RegistrationDivision);
        Assert.Equal("13800000000", record.Phone);
        Assert.Null(record.ResidentId);
        Assert.Null(record.IdEvidence);
    }

    [Fact]
    public void A_valid_id_supplies_birth_date_and_sex_the_attributes_lack()
    {
        var record = MatchRecord.FromAttributes(new Dictionary<string, string> { ["name"] = "张三" }, Valid);

        Assert.Equal(ResidentId.Parse(Valid), record.ResidentId);
        Assert.Equal(new DateOnly(1985, 3, 2), record.BirthDate);
        Assert.Equal(Sex.Female, record.Sex);
        Assert.Null(record.IdEvidence);
    }

    [Fact]
    public void The_residentId_attribute_is_used_when_no_raw_text_is_given()
    {
        var record = MatchRecord.FromAttributes(new Dictionary<string, string> { ["name"] = "张三", ["residentId"] = Valid }, residentIdText: null);

        Assert.Equal(ResidentId.Parse(Valid), record.ResidentId);
    }

    [Fact]
    public void An_unusable_id_becomes_evidence_and_supplies_nothing_else()
    {
        var record = MatchRecord.FromAttributes(new Dictionary<string, string> { ["name"] = "张三" }, Valid[..17]);

        Assert.Null(record.ResidentId);
        Assert.Equal(Valid[..17], record.IdEvidence?.Body);
        Assert.Null(record.BirthDate);
        Assert.Null(record.Sex);
    }

    [Fact]
    public void A_disability_certificate_number_stands_in_for_a_missing_id()
    {
        // Second-generation certificates: the holder's ID number, then category and grade.
        var attributes = new Dictionary<string, string> { ["name"] = "张三", ["disabilityCertificate"] = Valid + "42" };

        var withoutId = MatchRecord.FromAttributes(attributes, residentIdText: string.Empty);
        var mangled = MatchRecord.FromAttributes(attributes, "1.10105E+17");
        var withId = MatchRecord.FromAttributes(attributes, Valid);
        var badCertificate = MatchRecord.FromAttributes(new Dictionary<string, string> { ["name"] = "张三", ["disabilityCertificate"] = "残字" + Valid }, string.Empty);

        Assert.Equal(Valid, withoutId.IdEvidence?.Digits);
        Assert.True(withoutId.IdEvidence?.IsComplete);
        Assert.Null(withoutId.ResidentId);
        Assert.Equal(Valid, mangled.IdEvidence?.Digits);
        Assert.Null(withId.IdEvidence);
        Assert.Null(badCertificate.IdEvidence);
    }

    [Fact]
    public void An_address_is_kept_as_written_and_folded()
    {
        var record = MatchRecord.FromAttributes(new Dictionary<string, string> { ["residenceAddress"] = "光华里 5號院" }, residentIdText: null);

        Assert.Equal("光华里 5號院", record.ResidenceAddress);
        Assert.Equal("光华里5号院", record.FoldedAddress);
    }

    [Fact]
    public void Malformed_attributes_are_treated_as_missing()
    {
        var record = MatchRecord.FromAttributes(
            new Dictionary<string, string> { ["name"] = " ", ["birthDate"] = "1985/3/2", ["sex"] = "unknown", ["residenceDivision"] = "abc", ["phone"] = " " },
            residentIdText: null);

        Assert.Null(record.FoldedName);
        Assert.Null(record.BirthDate);
        Assert.Null(record.Sex);
        Assert.Null(record.ResidenceDivision);
        Assert.Null(record.Phone);
    }

    [Theory]
    [InlineData("张三", "1985-03-02", null, true)]
    [InlineData("张三", null, "110105001002", true)]
    [InlineData("张三", null, null, false)]
    [InlineData(null, "1985-03-02", "110105001002", false)]
    public void A_record_can_be_matched_with_a_name_and_a_birth_date_or_a_division(string? name, string? birthDate, string? division, bool expected)
    {
        var attributes = new Dictionary<string, string>();
        Add(attributes, "name", name);
        Add(attributes, "birthDate", birthDate);
        Add(attributes, "registrationDivision", division);

        Assert.Equal(expected, MatchRecord.FromAttributes(attributes, residentIdText: null).CanBeMatched);
    }

    [Fact]
    public void A_record_never_prints_its_personal_data()
    {
        var record = MatchRecord.FromAttributes(new Dictionary<string, string> { ["name"] = "张三", ["phone"] = "13800000000" }, Valid);

        var text = record.ToString() + new MatchCandidate(PersonKey.Parse(new string('a', 32)), record);

        Assert.DoesNotContain("张三", text, StringComparison.Ordinal);
        Assert.DoesNotContain("13800000000", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Valid[..17], text, StringComparison.Ordinal);
    }

    private static void Add(Dictionary<string, string> attributes, string name, string? value)
    {
        if (value is not null)
        {
            attributes[name] = value;
        }
    }
}
