using Hub.Core.Divisions;
using Hub.Core.Kernel;
using Hub.Samples;
using Hub.Tests.Shared;

namespace Hub.Core.Tests.Divisions;

public sealed class DivisionRegistryTests
{
    private static readonly DivisionRegistry Registry = RegistryJson.Registry();

    [Theory]
    [InlineData("110105007", "110105001000")]
    [InlineData("110105007001", "110105001001")]
    [InlineData("110105007005", "110105001000")]
    [InlineData("110105001001", "110105001001")]
    [InlineData("110108001001", "110108001001")]
    public void A_retired_code_resolves_to_its_successor_and_an_unknown_one_inside_a_merged_street_to_the_street_successor(string code, string current)
    {
        Assert.Equal(current, Registry.Current(DivisionCode.Parse(code)).Value);
    }

    [Fact]
    public void A_successor_chain_is_followed_to_the_division_in_force()
    {
        var registry = RegistryJson.Registry("""
            {
              "version": "t.3",
              "divisions": [
                { "code": "110105", "name": "朝阳区" },
                { "code": "110105001", "name": "甲街道", "parent": "110105", "validTo": "2010-01-01", "successor": "110105002" },
                { "code": "110105002", "name": "乙街道", "parent": "110105", "validTo": "2020-01-01", "successor": "110105003" },
                { "code": "110105003", "name": "丙街道", "parent": "110105" }
              ]
            }
            """);

        Assert.Equal("110105003000", registry.Current(DivisionCode.Parse("110105001")).Value);
        Assert.Equal(["110105002000", "110105001000"], registry.PredecessorsOf(DivisionCode.Parse("110105003")).Select(c => c.Value));
    }

    [Fact]
    public void A_path_names_the_district_street_community_and_grid()
    {
        var code = DivisionCode.Parse("110105001001");

        Assert.Equal("朝阳区 / 建外街道 / 光华里社区 / 第三网格", Registry.FullNameOf(code, GridCode.Parse("G03")));
        Assert.Equal(["county", "street", "community", "grid"], Registry.PathOf(code, GridCode.Parse("G03")).Select(s => s.Level));
        Assert.Equal("朝阳区 / 建外街道 / 光华里社区", Registry.FullNameOf(code, GridCode.Parse("G09")));
        Assert.Null(Registry.FullNameOf(DivisionCode.Parse("310104002003")));
    }

    [Fact]
    public void Names_beside_a_retired_code_say_where_it_lies_today()
    {
        var names = DivisionNames.Of(Registry, "110105007001", "G01");

        Assert.Equal("光华东里社区", names.Name);
        Assert.Null(names.GridName);
        Assert.Equal("朝阳区 / 光华路街道 / 光华东里社区", names.Path);
        Assert.Equal("110105001001", names.Current);
    }

    [Theory]
    [InlineData("110105001001", "2025-01-01", DivisionStanding.InForce)]
    [InlineData("110105001001", "1999-12-31", DivisionStanding.InForce)]
    [InlineData("110105001", "1999-12-31", DivisionStanding.Retired)]
    [InlineData("110105007001", "2022-01-01", DivisionStanding.Retired)]
    [InlineData("110105007001", "2021-12-31", DivisionStanding.InForce)]
    [InlineData("110105009001", "2025-01-01", DivisionStanding.Unknown)]
    public void A_code_stands_in_force_retired_or_unknown_on_a_day(string code, string day, DivisionStanding standing)
    {
        Assert.Equal(standing, Registry.Standing(DivisionCode.Parse(code), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_shipped_registry_passes_its_check_and_names_every_place_of_the_sample_population()
    {
        var load = DivisionRegistryFile.Read(File.ReadAllBytes(ShippedFiles.Divisions), "registry.json");
        var registry = Assert.IsType<DivisionRegistry>(load.Registry);
        Assert.Empty(load.Findings);

        var population = new PopulationGenerator(new PopulationOptions { Seed = 7, People = 1500 }).Generate();
        var places = population.People.SelectMany(p => new[] { p.Residence, p.Registration }).Distinct().ToList();
        Assert.All(places, place =>
        {
            Assert.Equal(DivisionStanding.InForce, registry.Standing(place.Division, new DateOnly(2025, 6, 30)));
            Assert.NotNull(registry.FindGrid(place.Division, GridCode.Parse(place.Grid)));
        });
        Assert.Equal(4, registry.Divisions.Count(d => d.Level == DivisionLevel.County));
        Assert.Equal("朝阳区 / 建外街道 / 光华里社区 / 第三网格", registry.FullNameOf(DivisionCode.Parse("110105001001"), GridCode.Parse("G03")));
    }
}
