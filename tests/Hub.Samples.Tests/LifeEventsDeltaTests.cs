using Hub.Core.Feeds;
using Hub.Core.Kernel;

namespace Hub.Samples.Tests;

public sealed class LifeEventsDeltaTests
{
    private const int Persons = 900;
    private const int Seed = 20261123;

    [Fact]
    public async Task The_delta_changes_the_police_record_of_every_person_the_register_holds_by_a_death_a_move_or_a_move_out()
    {
        var mapping = HubReading.Mapping(ShippedSources.Police);
        using var register = new MemoryStream();
        await FeedWriter.WritePopulationCsvAsync(register, mapping, Persons, Seed, ShippedSources.CivilAffairs, new FeedWriterOptions { MistakeRate = 0 });
        using var delta = new MemoryStream();

        var rows = await LifeEventsDelta.WritePoliceCsvAsync(delta, Persons, Seed, ShippedSources.CivilAffairs);
        var before = (await HubReading.NormaliseAsync(register.ToArray(), SampleFileFormat.CsvUtf8Bom, mapping)).Records.ToDictionary(r => r.ResidentId!.Value);
        var after = await HubReading.NormaliseAsync(delta.ToArray(), SampleFileFormat.CsvUtf8Bom, mapping);

        Assert.Equal(Persons, rows);
        Assert.Empty(after.Rejections);
        Assert.Equal(before.Keys.Select(k => k.Value).Order(StringComparer.Ordinal), after.Records.Select(r => r.ResidentId!.Value.Value).Order(StringComparer.Ordinal));
        Assert.All(after.Records, r => Assert.NotEqual(Attributes(before[r.ResidentId!.Value]), Attributes(r)));
        var deaths = after.Records.Count(r => Changed(before, r, "personStatus") && r.Attributes["personStatus"] == "deceased");
        var movesOut = after.Records.Count(r => Changed(before, r, "personStatus") && r.Attributes["personStatus"] == "moved-out");
        var moves = after.Records.Count(r => Changed(before, r, "residenceDivision"));
        Assert.All(new[] { deaths, movesOut, moves }, count => Assert.InRange(count, Persons / 4, Persons / 2));
    }

    [Fact]
    public async Task The_delta_is_reproducible_from_its_seed()
    {
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        await LifeEventsDelta.WritePoliceCsvAsync(first, 300, Seed, ShippedSources.CivilAffairs);
        await LifeEventsDelta.WritePoliceCsvAsync(second, 300, Seed, ShippedSources.CivilAffairs);

        Assert.Equal(first.ToArray(), second.ToArray());
    }

    private static bool Changed(Dictionary<ResidentId, NormalisedRecord> before, NormalisedRecord record, string attribute) =>
        before[record.ResidentId!.Value].Attributes.GetValueOrDefault(attribute) != record.Attributes.GetValueOrDefault(attribute);

    private static string Attributes(NormalisedRecord record) =>
        string.Join('|', record.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));
}
