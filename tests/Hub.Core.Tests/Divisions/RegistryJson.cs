using System.Text;
using Hub.Core.Divisions;

namespace Hub.Core.Tests.Divisions;

/// <summary>Small registry files written inline: a county, two streets (one merged into the other), their communities and a grid.</summary>
internal static class RegistryJson
{
    public const string Valid = """
        {
          "version": "t.1",
          "divisions": [
            { "code": "110105", "name": "朝阳区" },
            { "code": "110105001", "name": "建外街道", "parent": "110105", "validFrom": "2000-01-01" },
            { "code": "110105001001", "name": "光华里社区", "parent": "110105001" },
            { "code": "110105007", "name": "光华路街道", "parent": "110105", "validTo": "2021-12-31", "successor": "110105001" },
            { "code": "110105007001", "name": "光华东里社区", "parent": "110105007", "validTo": "2021-12-31", "successor": "110105001001" }
          ],
          "grids": [ { "community": "110105001001", "code": "g03", "name": "第三网格" } ]
        }
        """;

    public static DivisionRegistryLoad Read(string json) => DivisionRegistryFile.Read(Encoding.UTF8.GetBytes(json), "registry.json");

    public static DivisionRegistry Registry(string json = Valid) =>
        Read(json).Registry ?? throw new InvalidOperationException(string.Join(" | ", Read(json).Findings.Select(f => f.Line)));
}
