using System.Globalization;
using Hub.Core.Access.Residents;
using Hub.Core.Kernel;

namespace Hub.Core.Tests.Access.Residents;

public sealed class StreetRosterTests
{
    private const string Street = "110105001";
    private static readonly HouseholdKey Household = HouseholdKey.Parse("h" + new string('a', 32));

    // Person 6 lives in community 001 and is registered in 002: a first row, and a row distinct from it at level 12.
    private static readonly StreetRoster Roster = new(Street, "W/\"v1\"",
    [
        Row("002|G01|", 3),
        Row("001|G02|", 6),
        Row("001|G01|", 5, Household),
        Row("001|G01|", 1, Household),
        Row("002|G01|", 6, distinctFrom: 12),
        Row("001|-|", 7),
        Row("001|G02|", 2),
        new ResidentEntity { PartitionKey = Street, RowKey = ResidentEntity.SearchOnlyPrefix + Key(8), PersonKey = Key(8) },
        new ResidentEntity { PartitionKey = Street, RowKey = StreetVersion.RowKey },
        new ResidentEntity { PartitionKey = "110105002", RowKey = "001|G01|" + Key(9), PersonKey = Key(9) },
    ]);

    [Fact]
    public void A_street_page_lists_the_streets_rows_in_row_key_order_without_search_only_or_version_rows()
    {
        var page = Roster.Page(Query("110105001000"), Everyone, 50, null, 2000);

        Assert.Equal(["001|-|" + Key(7), "001|G01|" + Key(1), "001|G01|" + Key(5), "001|G02|" + Key(2), "001|G02|" + Key(6), "002|G01|" + Key(3)], page.Residents.Select(r => r.Position.RowKey));
        Assert.Null(page.Next);
        Assert.Equal(6, page.Scanned);
        Assert.Equal(7, Roster.Count);
    }

    [Fact]
    public void A_community_takes_its_row_key_range_and_the_rows_distinct_at_community_level()
    {
        var page = Roster.Page(Query("110105001002"), Everyone, 50, null, 2000);

        Assert.Equal([Key(3), Key(6)], page.Residents.Select(r => r.PersonKey.Value));
    }

    [Fact]
    public void A_grid_takes_only_its_own_grid_not_one_whose_code_it_begins()
    {
        var grid = Roster.Page(Query("110105001001", "G01"), Everyone, 50, null, 2000);
        var prefixOfAGrid = Roster.Page(Query("110105001001", "G0"), Everyone, 50, null, 2000);

        Assert.Equal([Key(1), Key(5)], grid.Residents.Select(r => r.PersonKey.Value));
        Assert.Empty(prefixOfAGrid.Residents);
    }

    [Fact]
    public void A_household_filter_takes_only_the_households_rows()
    {
        var page = Roster.Page(Query("110105001000") with { Household = Household }, Everyone, 50, null, 2000);

        Assert.Equal([Key(1), Key(5)], page.Residents.Select(r => r.PersonKey.Value));
        Assert.Equal(2, page.Scanned);
    }

    [Fact]
    public void Pages_go_on_after_the_last_row_returned_and_cover_the_list_once()
    {
        var pages = PagesOf(Query("110105001000"), Everyone, pageSize: 2, scanLimit: 2000);

        Assert.Equal(3, pages.Count);
        Assert.Equal(new ResidentListPosition(Street, "001|G01|" + Key(1)), pages[0].Next);
        Assert.Equal(3, pages[0].Scanned);
        Assert.Null(pages[2].Next);
        Assert.Equal(Roster.Page(Query("110105001000"), Everyone, 50, null, 2000).Residents.Select(r => r.Position), pages.SelectMany(p => p.Residents).Select(r => r.Position));
    }

    [Fact]
    public void A_scan_limit_ends_a_page_at_the_last_row_read_and_the_next_page_goes_on_from_there()
    {
        Func<ListedResident, bool> onlyThree = r => r.PersonKey.Value == Key(3);

        var pages = PagesOf(Query("110105001000"), onlyThree, pageSize: 50, scanLimit: 2);

        Assert.Empty(pages[0].Residents);
        Assert.Equal(new ResidentListPosition(Street, "001|G01|" + Key(1)), pages[0].Next);
        Assert.Equal(2, pages[0].Scanned);
        Assert.Equal([Key(3)], pages.SelectMany(p => p.Residents).Select(r => r.PersonKey.Value));
    }

    [Fact]
    public void A_page_lists_a_person_once_and_only_rows_the_predicate_keeps()
    {
        var roster = new StreetRoster(Street, StreetVersion.None, [Row("001|G01|", 1), Row("001|G02|", 1), Row("001|G03|", 2), Row("001|G04|", 3)]);

        var page = roster.Page(Query("110105001000"), r => r.PersonKey.Value != Key(2), 50, null, 2000);

        Assert.Equal([Key(1), Key(3)], page.Residents.Select(r => r.PersonKey.Value));
        Assert.Equal(4, page.Scanned);
    }

    [Fact]
    public void A_position_in_an_earlier_street_starts_at_the_first_row_and_one_in_a_later_street_finds_nothing()
    {
        var fromEarlier = Roster.Page(Query("110105001000"), Everyone, 50, new ResidentListPosition("110105000", "999|Z|"), 2000);
        var fromLater = Roster.Page(Query("110105001000"), Everyone, 50, new ResidentListPosition("110105002", string.Empty), 2000);

        Assert.Equal(6, fromEarlier.Residents.Count);
        Assert.Empty(fromLater.Residents);
        Assert.Null(fromLater.Next);
    }

    [Fact]
    public void A_roster_serves_only_its_own_street_and_what_lies_in_it()
    {
        Assert.Throws<ArgumentException>(() => Roster.Page(Query("110105002000"), Everyone, 50, null, 2000));
        Assert.Throws<ArgumentException>(() => Roster.Page(Query("110105000000"), Everyone, 50, null, 2000));
    }

    [Fact]
    public void The_version_row_sorts_after_every_search_only_row_and_is_never_a_list_row()
    {
        Assert.True(string.CompareOrdinal(StreetVersion.RowKey, ResidentEntity.SearchOnlyPrefix + new string('f', 32)) > 0);
        Assert.True(string.CompareOrdinal(StreetVersion.RowKey, ResidentEntity.SearchOnlyPrefix) > 0);
        Assert.True(StreetVersion.Is(StreetVersion.RowKey));
        Assert.False(StreetVersion.Is(ResidentEntity.SearchOnlyPrefix + Key(1)));
    }

    private static bool Everyone(ListedResident resident) => true;

    private static List<ResidentListPage> PagesOf(ResidentListQuery query, Func<ListedResident, bool> keep, int pageSize, int scanLimit)
    {
        var pages = new List<ResidentListPage>();
        ResidentListPosition? after = null;
        do
        {
            pages.Add(Roster.Page(query, keep, pageSize, after, scanLimit));
            after = pages[^1].Next;
        }
        while (after is not null && pages.Count < 20);

        return pages;
    }

    private static ResidentListQuery Query(string division, string? grid = null) =>
        new(DivisionCode.Parse(division), grid is null ? null : GridCode.Parse(grid));

    private static string Key(int person) => person.ToString("x32", CultureInfo.InvariantCulture);

    private static ResidentEntity Row(string place, int person, HouseholdKey? household = null, int distinctFrom = 0) => new()
    {
        PartitionKey = Street,
        RowKey = place + Key(person),
        PersonKey = Key(person),
        DistinctFrom = distinctFrom,
        HouseholdKey = household?.Value,
    };
}
