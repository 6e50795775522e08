using System.Text.Json;
using Hub.Core.Profiles.Facts;
using Hub.Core.Protection;
using Hub.Core.Tests.Protection;
using Microsoft.Extensions.Options;

namespace Hub.Core.Tests.Quality;

public sealed class SourceAgreementTests
{
    private static readonly KeyRing Keys = new(Options.Create(new ProtectionOptions { CurrentKey = "k1", Keys = { ["k1"] = TestKeys.First } }));

    [Fact]
    public void A_value_differs_when_it_is_none_of_the_other_departments_current_values()
    {
        var people = People(
            ("p1", "police", new() { ["name"] = "张三", ["birthDate"] = "1950-01-01" }, false),
            ("p2", "police", new() { ["name"] = "李四", ["birthDate"] = "1960-02-02" }, false),
            ("p2", "housing-security", new() { ["name"] = "李四" }, false),
            ("p3", "police", new() { ["name"] = "王五" }, true));
        IncomingFact[] incoming =
        [
            new(2, "p1", "dibao", true, new Dictionary<string, string> { ["name"] = "張三", ["birthDate"] = "1950-01-01" }),
            new(3, "p1", "lowIncome", true, new Dictionary<string, string> { ["name"] = "張三" }),
            new(4, "p2", "dibao", true, new Dictionary<string, string> { ["name"] = "李四" }),
            new(5, "p3", "dibao", true, new Dictionary<string, string> { ["name"] = "王六" }),
        ];

        var tallies = SourceAgreement.Compare("civil-affairs", incoming, people);

        // p1's name differs from the police's (traditional characters), counted once for two records; p3's police fact has ended.
        Assert.Equal(
            [("birthDate", "police", 1L, 0L), ("name", "housing-security", 1L, 0L), ("name", "police", 2L, 1L)],
            tallies.Select(t => (t.Attribute, t.OtherSource, t.Compared, t.Differing)).Order().ToList());
    }

    [Fact]
    public void Records_without_an_id_number_are_not_compared()
    {
        var people = People(("p1", "police", new() { ["name"] = "张三" }, false));

        var tallies = SourceAgreement.Compare("civil-affairs", [new(2, "p1", "", false, new Dictionary<string, string> { ["name"] = "李四" })], people);

        Assert.Empty(tallies);
    }

    private static Dictionary<string, PersonRows> People(params (string Person, string Source, Dictionary<string, string> Attributes, bool Ended)[] facts)
    {
        var people = new Dictionary<string, PersonRows>(StringComparer.Ordinal);
        foreach (var (person, source, attributes, ended) in facts)
        {
            if (!people.TryGetValue(person, out var rows))
            {
                people[person] = rows = new PersonRows(person, Keys);
            }

            rows.Facts.Add(new FactEntity
            {
                PartitionKey = "000",
                RowKey = FactEntity.RowKeyFor(source, person, string.Empty),
                PersonKey = person,
                Source = source,
                Attributes = JsonSerializer.Serialize(attributes),
                EndedAt = ended ? DateTimeOffset.UnixEpoch : null,
            });
        }

        return people;
    }
}
