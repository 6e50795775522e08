using System.Text;
using Hub.Core.Feeds.Sources;
using Hub.Samples;
using Hub.Tests.Shared;
using MiniExcelLibs;

namespace Hub.Cli.Tests;

/// <summary>What a draft recognises when the header says nothing, and how it reads what the Hub reads.</summary>
public sealed class SourcesDraftRecognitionTests : IDisposable
{
    private static readonly string[] CertificateAttributes = ["name", "sex", "phone", "residenceDivision"];
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task Columns_with_meaningless_headers_are_recognised_by_their_values()
    {
        await OnboardingExports.WriteNamelessAsync(_folder.File("nameless.csv"));

        var draft = await DraftRun.RunAsync(_folder.File("nameless.csv"), _folder.File("draft.json"));

        var fields = draft.Fields;
        Assert.Equal(("col1", FieldType.ResidentId), (fields["residentId"].Column, fields["residentId"].Type));
        Assert.Equal("col2", fields["name"].Column);
        Assert.Equal("col4", fields["sex"].Column);
        Assert.Equal("col6", fields["birthDate"].Column);
        Assert.Equal("col8", fields["relationToHead"].Column);
        Assert.Equal(["col10", "col12"], new[] { fields["registrationDivision"].Column, fields["residenceDivision"].Column }.Order());
        Assert.Contains("the birth date the row's ID number holds", draft.Column("col6").Reason, StringComparison.Ordinal);
        Assert.Contains("are dates (", draft.Column("col6").Reason, StringComparison.Ordinal);
        Assert.Equal("suggested", draft.Column("col13").Outcome);
    }

    [Fact]
    public async Task An_id_inside_a_certificate_number_is_taken_by_a_pattern_and_its_digits_by_substrings()
    {
        var people = await OnboardingExports.WriteCertificatesAsync(_folder.File("certificates.xlsx"), SampleFileFormat.Xlsx);

        var draft = await DraftRun.RunAsync(_folder.File("certificates.xlsx"), _folder.File("draft.json"), "--source", "certificates");

        var id = draft.Fields["residentId"];
        Assert.Equal(("残疾人证号", "^(?<id>.{17}[0-9Xx])[0-9]{2}$"), (id.Column, id.Pattern));
        Assert.Equal("残疾人证号", draft.Fields["disabilityCertificate"].Column);
        Assert.Equal((19, 1), (draft.Fields["disabilityCategory"].Substring!.Start, draft.Fields["disabilityCategory"].Substring!.Length!.Value));
        Assert.Equal(20, draft.Fields["disabilityGrade"].Substring!.Start);
        Assert.Equal("physical", draft.Mapping.CodeLists[draft.Fields["disabilityCategory"].CodeList!]["4"]);
        Assert.All(CertificateAttributes, a => Assert.True(draft.Fields.ContainsKey(a), a));
        var trial = draft.Report.GetProperty("trial");
        Assert.Equal(people.Count, trial.GetProperty("accepted").GetInt64());
        Assert.Equal(0, trial.GetProperty("keptWithoutId").GetInt64());
    }

    [Fact]
    public async Task A_json_export_without_ids_declares_identity_none_joins_the_split_address_and_sets_nested_keys_aside()
    {
        await OnboardingExports.WriteRentalsAsync(_folder.File("rentals.json"), nested: true);

        var draft = await DraftRun.RunAsync(_folder.File("rentals.json"), _folder.File("draft.json"), "--source", "rentals");

        Assert.Equal(SourceIdentity.None, draft.Mapping.Identity);
        Assert.Contains("\"identity\": \"none\"", draft.Text, StringComparison.Ordinal);
        Assert.Equal("承租人", draft.Fields["name"].Column);
        Assert.Equal("联系电话", draft.Fields["phone"].Column);
        Assert.Equal("{楼栋}栋{单元}单元{房号}室", draft.Fields["residenceAddress"].Template);
        Assert.Equal("入住日期", draft.Fields["validFrom"].Column);
        var contract = draft.Column("合同");
        Assert.Equal("ignored", contract.Outcome);
        Assert.Contains("object or an array", contract.Reason, StringComparison.Ordinal);

        // A key only some records carry, with a few repeated labels, is a code list to name.
        Assert.Equal(("suggested", "TODO"), (draft.Column("备注").Outcome, draft.Column("备注").Attributes.Single()));
        Assert.Equal(["续租", "新签"], draft.Mapping.CodeLists["备注"].Keys.Order().Reverse());
        var trial = draft.Report.GetProperty("trial");
        Assert.Equal(trial.GetProperty("received").GetInt64(), trial.GetProperty("rejected").GetInt64());
    }

    [Fact]
    public async Task A_gb18030_file_without_a_bom_is_read_as_the_hub_reads_it()
    {
        var people = new PopulationGenerator(new PopulationOptions { Seed = 3, People = 300 }).Generate();
        await SampleSet.WriteAsync(people, _folder.Path);
        var police = _folder.File("police.csv");
        Assert.False(File.ReadAllBytes(police).AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]));

        var draft = await DraftRun.RunAsync(police, _folder.File("draft.json"), "--source", "police-draft");
        var forced = await Cli.RunAsync("sources", "draft", police, "--output", _folder.File("forced.json"), "--sources-folder", ShippedFiles.SourcesFolder, "--charset", "utf-8");

        Assert.Contains("read as GB18030 because its first 64 KB are not valid UTF-8", draft.Report.GetProperty("reading").GetString(), StringComparison.Ordinal);
        Assert.Equal("公民身份号码", draft.Fields["residentId"].Column);
        Assert.Equal("户籍地区划代码", draft.Fields["registrationDivision"].Column);
        Assert.Equal(ExitCodes.Failed, forced.ExitCode);
        Assert.Contains("The Hub would fail this file whole", forced.Error, StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", forced.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("forced.json")));
    }

    [Fact]
    public async Task A_short_code_column_is_listed_for_its_codes_and_a_repeated_name_never_is()
    {
        var heads = OnboardingExports.Population.People.Where(p => p.RelationToHead == Relation.Head).Take(4).ToList();
        var members = OnboardingExports.Population.People.Skip(100).Take(24).ToList();
        var csv = new StringBuilder("col1,col2,col3\r\n");
        for (var i = 0; i < members.Count; i++)
        {
            csv.Append($"{members[i].ResidentId.Value},{(i % 3 == 0 ? "停保" : "在保")},{heads[i % heads.Count].Name}\r\n");
        }

        await File.WriteAllTextAsync(_folder.File("status.csv"), csv.ToString(), new UTF8Encoding(true));

        var draft = await DraftRun.RunAsync(_folder.File("status.csv"), _folder.File("draft.json"), "--source", "status");

        Assert.Equal(["停保", "在保"], draft.Mapping.CodeLists["col2"].Keys.Order());
        Assert.Equal("suggested", draft.Column("col2").Outcome);
        Assert.Equal("ignored", draft.Column("col3").Outcome);
        Assert.Contains("does not list them", draft.Column("col3").Reason, StringComparison.Ordinal);
        Assert.All(heads, h => Assert.DoesNotContain(h.Name, draft.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_first_row_that_is_a_record_is_refused_without_being_shown()
    {
        var person = OnboardingExports.Population.People[0];
        await File.WriteAllTextAsync(_folder.File("headless.csv"), $"{person.ResidentId.Value},{person.Name},{person.Phone ?? "13800138000"}\r\n");

        var run = await Cli.RunAsync("sources", "draft", _folder.File("headless.csv"), "--output", _folder.File("draft.json"), "--sources-folder", ShippedFiles.SourcesFolder);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("the first row does not look like a header", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(person.ResidentId.Value, run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Name, run.Output + run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("draft.json")));
    }

    [Fact]
    public async Task A_named_sheet_is_drafted_with_a_warning_that_the_hub_reads_the_first()
    {
        var person = OnboardingExports.Population.People[0];
        using (var workbook = File.Create(_folder.File("book.xlsx")))
        {
            workbook.SaveAs(
                new Dictionary<string, object>
                {
                    ["说明"] = new[] { new Dictionary<string, object?> { ["填表说明"] = "每人一行" } },
                    ["名册"] = new[] { new Dictionary<string, object?> { ["身份证号码"] = person.ResidentId.Value, ["姓名"] = person.Name } },
                },
                excelType: ExcelType.XLSX);
        }

        var draft = await DraftRun.RunAsync(_folder.File("book.xlsx"), _folder.File("draft.json"), "--sheet", "名册");
        var unknown = await Cli.RunAsync("sources", "draft", _folder.File("book.xlsx"), "--output", _folder.File("other.json"), "--sources-folder", ShippedFiles.SourcesFolder, "--sheet", "汇总");

        Assert.Contains("sheet '名册' (the Hub reads only a workbook's first sheet", draft.Report.GetProperty("reading").GetString(), StringComparison.Ordinal);
        Assert.Equal("身份证号码", draft.Fields["residentId"].Column);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, draft.Report.GetProperty("trial").ValueKind);
        Assert.Equal(ExitCodes.Usage, unknown.ExitCode);
        Assert.Contains("its sheets are: 说明, 名册", unknown.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
