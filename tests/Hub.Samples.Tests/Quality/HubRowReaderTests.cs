using System.Security.Cryptography;
using Hub.Core.Identity.Keys;
using Hub.Samples.Quality;

namespace Hub.Samples.Tests.Quality;

public sealed class HubRowReaderTests
{
    private static readonly Population Population = new PopulationGenerator(new PopulationOptions { Seed = 3, People = 300 }).Generate();
    private static readonly PersonKeyHasher Hasher = new(Microsoft.Extensions.Options.Options.Create(new PersonKeyOptions { Pepper = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }));

    private readonly SampleFeed _feed = FeedWriter.Compose(Population, HubReading.Mapping(ShippedSources.CivilAffairs), new FeedWriterOptions { MistakeRate = 0 });
    private readonly HubRowReader _reader = new(HubReading.Mapping(ShippedSources.CivilAffairs), Hasher, Population.Options.ReferenceDate);

    [Fact]
    public void A_row_with_a_valid_id_is_keyed_by_it()
    {
        var row = _feed.Rows[0];

        var reading = _reader.Read(row);

        Assert.Equal(RowKind.Keyed, reading.Kind);
        Assert.Equal(Hasher.Hash(row.Person.ResidentId), reading.Person);
        Assert.Equal(row.Person.ResidentId, reading.Record!.ResidentId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1.10105E+17")]
    [InlineData("11010519491231002")]
    public void A_row_whose_only_problem_is_its_id_goes_to_matching_with_its_other_values(string? id)
    {
        var row = With(_feed.Rows[0], "身份证号码", id);

        var reading = _reader.Read(row);

        Assert.Equal(RowKind.ForMatching, reading.Kind);
        Assert.Null(reading.Person);
        Assert.Null(reading.Record!.ResidentId);
        Assert.Equal(row.Person.Name, reading.Record.Name);
        Assert.Equal(row.Person.BirthDate, reading.Record.BirthDate);
        Assert.Equal(row.Person.Residence.Division, reading.Record.ResidenceDivision);
    }

    [Fact]
    public void A_row_without_a_name_or_with_another_problem_is_rejected()
    {
        var nameless = With(With(_feed.Rows[0], "身份证号码", null), "姓名", null);
        var badRequiredDate = With(With(_feed.Rows[0], "身份证号码", null), "享受起始日期", "not a date");

        Assert.Equal(RowKind.Rejected, _reader.Read(nameless).Kind);
        Assert.Equal(RowKind.Rejected, _reader.Read(badRequiredDate).Kind);
    }

    [Fact]
    public void A_bad_optional_birth_date_is_dropped_and_the_row_still_goes_to_matching()
    {
        var row = With(With(_feed.Rows[0], "身份证号码", null), "出生日期", "not a date");

        var reading = _reader.Read(row);

        Assert.Equal(RowKind.ForMatching, reading.Kind);
        Assert.Null(reading.Record!.BirthDate);
        Assert.Equal(row.Person.Name, reading.Record.Name);
    }

    private static SampleRow With(SampleRow row, string column, string? value)
    {
        var values = row.Values.ToDictionary(StringComparer.Ordinal);
        values[column] = value;
        return row with { Values = values };
    }
}
