using Hub.Core.Kernel;

namespace Hub.Core.Tests.Divisions;

public sealed class DivisionRegistryFileTests
{
    [Fact]
    public void A_valid_file_gives_its_divisions_grids_and_version()
    {
        var load = RegistryJson.Read(RegistryJson.Valid);

        var registry = Assert.IsType<Hub.Core.Divisions.DivisionRegistry>(load.Registry);
        Assert.Empty(load.Findings);
        Assert.Equal("t.1", registry.Version);
        Assert.Equal(64, registry.Hash.Length);
        Assert.Equal(5, registry.Divisions.Count);
        var street = registry.Find(DivisionCode.Parse("110105001"))!;
        Assert.Equal("建外街道", street.Name);
        Assert.Equal(DivisionLevel.Street, street.Level);
        Assert.Equal(DivisionCode.Parse("110105"), street.Parent);
        Assert.Equal(new DateOnly(2000, 1, 1), street.ValidFrom);
        Assert.Equal("第三网格", registry.FindGrid(DivisionCode.Parse("110105001001"), GridCode.Parse("G03"))?.Name);
    }

    [Theory]
    [InlineData("""{ "code": "110105002", "name": "朝外街道", "parent": "110106" }""", "divisions[5].parent", "110106000000 is not a division of the file")]
    [InlineData("""{ "code": "110105001", "name": "又一个建外" , "parent": "110105" }""", "divisions[5].code", "110105001000 appears twice (also divisions[1])")]
    [InlineData("""{ "code": "110105002", "name": "朝外街道", "parent": "110105", "validFrom": "2020-13-01" }""", "divisions[5].validFrom", "is not a date")]
    [InlineData("""{ "code": "110105002", "name": "朝外街道", "parent": "110105", "validFrom": "2020-01-02", "validTo": "2020-01-01" }""", "divisions[5].validTo", "is before validFrom")]
    [InlineData("""{ "code": "110105002", "name": "朝外街道", "parent": "110105", "successor": "110105001" }""", "divisions[5].validTo", "is missing: a division with a successor was retired")]
    [InlineData("""{ "code": "110105002", "name": "朝外街道", "parent": "110105", "validTo": "2020-01-01", "successor": "110105009" }""", "divisions[5].successor", "110105009000 is not a division of the file")]
    [InlineData("""{ "code": "110105002", "name": "朝外街道", "parent": "110105", "validTo": "2020-01-01", "successor": "110105001001" }""", "divisions[5].successor", "110105001001 is a community, not a street")]
    [InlineData("""{ "code": "110105002001", "name": "某社区", "parent": "110105001" }""", "divisions[5].parent", "110105001000 is not the street whose code 110105002001 starts with")]
    [InlineData("""{ "code": "110105002", "name": "" , "parent": "110105" }""", "divisions[5].name", "is missing or longer than 60 characters")]
    [InlineData("""{ "code": "11010500", "name": "朝外街道" }""", "divisions[5].code", "division code has 8 digits, expected 12 (or 6 or 9)")]
    public void A_bad_division_is_a_finding_with_its_key_and_the_file_is_refused(string entry, string key, string problem)
    {
        var json = RegistryJson.Valid.Replace("""successor": "110105001001" }""", """successor": "110105001001" },""" + "\n" + entry, StringComparison.Ordinal);

        var load = RegistryJson.Read(json);

        Assert.Null(load.Registry);
        var finding = Assert.Single(load.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Equal(key, finding.Key);
        Assert.Equal(problem, finding.Problem);
        Assert.Equal("registry.json", finding.File);
    }

    [Fact]
    public void Successors_that_lead_back_to_a_division_are_refused_as_a_cycle()
    {
        var json = """
            {
              "version": "t.2",
              "divisions": [
                { "code": "110105", "name": "朝阳区" },
                { "code": "110105001", "name": "甲街道", "parent": "110105", "validTo": "2020-01-01", "successor": "110105002" },
                { "code": "110105002", "name": "乙街道", "parent": "110105", "validTo": "2020-01-01", "successor": "110105003" },
                { "code": "110105003", "name": "丙街道", "parent": "110105", "validTo": "2020-01-01", "successor": "110105001" }
              ]
            }
            """;

        var load = RegistryJson.Read(json);

        Assert.Null(load.Registry);
        Assert.Equal(3, load.Findings.Count(f => f.Problem.Contains("must not form a cycle", StringComparison.Ordinal)));
        Assert.Contains(load.Findings, f => f.Key == "divisions[1].successor" && f.Problem == "leads back to 110105001000: successors must not form a cycle");
    }

    [Fact]
    public void A_grid_of_an_unknown_community_and_a_grid_given_twice_are_refused()
    {
        const string Grids = "{ \"community\": \"110105001001\", \"code\": \"G03\", \"name\": \"又一个\" }, { \"community\": \"110105001009\", \"code\": \"G01\", \"name\": \"第一网格\" }";
        var json = RegistryJson.Valid.Replace("\"第三网格\" }", "\"第三网格\" }, " + Grids, StringComparison.Ordinal);

        var load = RegistryJson.Read(json);

        Assert.Null(load.Registry);
        Assert.Contains(load.Findings, f => f.Key == "grids[1].code" && f.Problem.Contains("appears twice", StringComparison.Ordinal));
        Assert.Contains(load.Findings, f => f.Key == "grids[2].community" && f.Problem == "110105001009 is not a division of the file");
    }

    [Fact]
    public void A_county_code_GB_T_2260_does_not_list_is_a_warning_and_the_file_is_taken()
    {
        var json = RegistryJson.Valid.Replace("""{ "code": "110105", "name": "朝阳区" },""", """{ "code": "110105", "name": "朝阳区" }, { "code": "119999", "name": "虚构区" },""", StringComparison.Ordinal);

        var load = RegistryJson.Read(json);

        Assert.NotNull(load.Registry);
        var warning = Assert.Single(load.Findings);
        Assert.Equal(FindingSeverity.Warning, warning.Severity);
        Assert.Equal("divisions[1].code", warning.Key);
    }

    [Theory]
    [InlineData("""{ "version": "t.1", "divisions": [], "extra": 1 }""", "$.extra")]
    [InlineData("""{ "version": "t 1", "divisions": [] }""", "version")]
    [InlineData("""not json""", "$")]
    public void A_file_that_is_no_registry_is_refused_with_where_it_went_wrong(string json, string key)
    {
        var load = RegistryJson.Read(json);

        Assert.Null(load.Registry);
        Assert.Equal(key, Assert.Single(load.Findings).Key);
    }
}
