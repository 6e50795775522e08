using Hub.Core.Access.Residents;
using Hub.Core.Kernel;
using Hub.Core.Profiles;

namespace Hub.Core.Tests.Access.Residents;

public sealed class ResidentStatusFilterTests
{
    private static readonly DateOnly Day = new(2025, 6, 30);

    [Fact]
    public void By_default_a_list_takes_the_active_and_those_no_register_states_a_status_for()
    {
        Assert.True(ResidentStatusFilter.TryParse(null, out var filter));

        Assert.Equal("active", filter.Value);
        Assert.True(filter.Matches(With(null), Day));
        Assert.True(filter.Matches(With(new ResidentStatus(PersonStatus.Active, null, null, "police")), Day));
        Assert.False(filter.Matches(With(new ResidentStatus(PersonStatus.Deceased, new DateOnly(2025, 6, 20), new DateOnly(2025, 6, 20), "police")), Day));
        Assert.False(filter.Matches(With(new ResidentStatus(PersonStatus.MovedOut, null, new DateOnly(2025, 1, 2), "police")), Day));
    }

    [Fact]
    public void A_death_counts_from_its_date_so_a_list_of_an_earlier_day_shows_the_person_active()
    {
        var deceased = With(new ResidentStatus(PersonStatus.Deceased, new DateOnly(2025, 6, 20), new DateOnly(2025, 6, 20), "police"));
        Assert.True(ResidentStatusFilter.TryParse("deceased", out var filter));

        Assert.True(ResidentStatusFilter.Default.Matches(deceased, new DateOnly(2025, 6, 19)));
        Assert.False(filter.Matches(deceased, new DateOnly(2025, 6, 19)));
        Assert.True(filter.Matches(deceased, new DateOnly(2025, 6, 20)));
    }

    [Theory]
    [InlineData("deceased", "deceased")]
    [InlineData("movedOut", "movedOut")]
    [InlineData("MOVEDOUT,active", "active,movedOut")]
    [InlineData("deceased, movedOut ,active", "active,deceased,movedOut")]
    public void Statuses_are_read_in_any_case_and_order(string text, string value)
    {
        Assert.True(ResidentStatusFilter.TryParse(text, out var filter));
        Assert.Equal(value, filter.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("dead")]
    [InlineData("moved-out")]
    [InlineData("active,")]
    [InlineData("2")]
    public void Anything_else_is_refused(string text) => Assert.False(ResidentStatusFilter.TryParse(text, out _));

    [Fact]
    public void A_row_status_is_read_from_its_columns_and_an_unknown_one_is_none()
    {
        var row = ListedResident.From(Row("movedout", "2025-04-01", "2025-04-01"));
        var unknown = ListedResident.From(Row("emigrated", null, null));
        var undated = ListedResident.From(Row("deceased", null, null));

        Assert.Equal(new ResidentStatus(PersonStatus.MovedOut, new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 1), "police"), row.Status);
        Assert.Null(unknown.Status);
        Assert.Equal(PersonStatus.Deceased, undated.StatusOn(new DateOnly(2000, 1, 1)));
    }

    private static ListedResident With(ResidentStatus? status) =>
        new(PersonKey.Parse(new string('a', 32)), new ResidentListPosition("110105001", "001|-|" + new string('a', 32)), "110105001001", null, [], [], null, null, null, Identified: true, status);

    private static ResidentEntity Row(string status, string? date, string? since) => new()
    {
        PartitionKey = "110105001",
        RowKey = "001|G01|" + new string('b', 32),
        PersonKey = new string('b', 32),
        Places = "residence",
        Status = status,
        StatusDate = date,
        StatusSince = since,
        StatusSource = "police",
    };
}
