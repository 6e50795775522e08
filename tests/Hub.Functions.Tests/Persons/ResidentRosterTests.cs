using Azure.Data.Tables;
using Hub.Core.Access.Residents;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Persons;

/// <summary>
/// Street, community and grid lists served from the street rosters. The residents are written by one Hub instance (it
/// runs the feeds and the reconciler) and listed by a second one on the same storage with no triggers, so only the
/// street versions can tell the lister that a street changed, and its storage counter sees only its own reads.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ResidentRosterTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Street = "110105001";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private readonly PersonsHub _hub = new(azurite);
    private HubFactory _lister = null!;

    public async Task InitializeAsync()
    {
        await _hub.LoadAsync(
            new Resident(1, "王一", CommunityA1, "G01", CommunityA1, Household: 1),
            new Resident(2, "王二", CommunityA1, "G02", CommunityB1),
            new Resident(3, "王三", CommunityA2, "G01", CommunityA2),
            new Resident(4, "王四", CommunityB1, "G01", CommunityB1),
            new Resident(5, "王五", CommunityA1, "G01", CommunityA1, Household: 1),
            new Resident(6, "王六", CommunityB1, "G02", CommunityA1),
            new Resident(7, "王七", CommunityA1, "G01", CommunityA1, Dibao: false),
            new Resident(8, "王八", CommunityA2, "G02", CommunityA1),
            new Resident(9, "王九", CommunityA1, null, CommunityA1),
            new Resident(10, "王十", CommunityA2, "G01", CommunityA2, Household: 1),
            new Resident(11, "李一", CommunityA1, "G02", CommunityA2),
            new Resident(12, "李二", CommunityA1, "G01", CommunityA1));
        _lister = new HubFactory(azurite, new Dictionary<string, string?> { ["Hub:Triggers:RunLocally"] = "false" }, _hub.Factory.Prefix) { DeleteStorageOnDispose = false };
    }

    public async Task DisposeAsync()
    {
        await _lister.DisposeAsync();
        await _hub.DisposeAsync();
    }

    public static TheoryData<string, string?, int, int> Lists => new()
    {
        { StreetA, null, 50, 2000 },
        { StreetA, null, 2, 2000 },
        { StreetA, null, 1, 3 },
        { StreetB, null, 2, 2000 },
        { CommunityA1, null, 3, 2000 },
        { CommunityA2, null, 1, 2000 },
        { CommunityA1, "G01", 2, 2000 },
        { CommunityA1, "G02", 50, 1 },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A_list_from_the_roster_equals_the_list_from_the_range_query_page_by_page(string division, string? grid, int pageSize, int scanLimit)
    {
        var query = new ResidentListQuery(DivisionCode.Parse(division), grid is null ? null : GridCode.Parse(grid));

        var fromRoster = await PagesAsync(Lister.ListAsync, query, pageSize, scanLimit);
        var fromQuery = await PagesAsync(Lister.QueryAsync, query, pageSize, scanLimit);

        Assert.Equal(fromQuery, fromRoster);
        Assert.NotEmpty(fromRoster.SelectMany(p => p.Rows));
    }

    [Fact]
    public async Task A_household_list_from_the_roster_equals_the_one_from_the_range_query()
    {
        var household = HouseholdKey.Parse((await RowOfAsync(1)).HouseholdKey!);
        var street = new ResidentListQuery(DivisionCode.Parse(StreetA), Household: household);
        var community = new ResidentListQuery(DivisionCode.Parse(CommunityA2), Household: household);

        var fromRoster = await PagesAsync(Lister.ListAsync, street, 1, 2000);

        Assert.Equal(await PagesAsync(Lister.QueryAsync, street, 1, 2000), fromRoster);
        Assert.Equal(3, fromRoster.Sum(p => p.Rows.Count));
        Assert.Equal(await PagesAsync(Lister.QueryAsync, community, 50, 2000), await PagesAsync(Lister.ListAsync, community, 50, 2000));
    }

    [Fact]
    public async Task A_repeated_page_of_a_street_community_or_grid_costs_one_storage_operation()
    {
        var counter = _lister.StorageOperations;
        var first = await Lister.ListAsync(new ResidentListQuery(DivisionCode.Parse(StreetA)), KeepActive, 2, null, 2000);
        foreach (var (query, after) in new[]
        {
            (new ResidentListQuery(DivisionCode.Parse(StreetA)), null),
            (new ResidentListQuery(DivisionCode.Parse(StreetA)), first.Next),
            (new ResidentListQuery(DivisionCode.Parse(CommunityA1)), null),
            (new ResidentListQuery(DivisionCode.Parse(CommunityA1), GridCode.Parse("G01")), null),
        })
        {
            var before = counter.Count;

            var page = await Lister.ListAsync(query, KeepActive, 2, after, 2000);

            Assert.Equal(1, counter.Count - before);
            Assert.NotEmpty(page.Residents);
        }
    }

    [Fact]
    public async Task Lists_that_miss_a_street_together_read_it_once()
    {
        var rosters = _lister.Services.GetRequiredService<StreetRosters>();
        var before = _lister.StorageOperations.Count;

        var held = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => rosters.GetAsync(Street)));

        Assert.Equal(8 + 1, _lister.StorageOperations.Count - before);
        Assert.All(held, roster => Assert.Same(held[0], roster));
    }

    [Fact]
    public async Task A_street_with_more_rows_than_the_rosters_may_hold_is_read_from_storage_each_time()
    {
        await using var small = new HubFactory(azurite, new Dictionary<string, string?> { ["Hub:Triggers:RunLocally"] = "false", ["Hub:Residents:RosterCacheRows"] = "3" }, _hub.Factory.Prefix) { DeleteStorageOnDispose = false };
        var lister = small.Services.GetRequiredService<ResidentDirectory>();
        var query = new ResidentListQuery(DivisionCode.Parse(StreetA));
        var first = await lister.ListAsync(query, KeepActive, 50, null, 2000);
        var before = small.StorageOperations.Count;

        var again = await lister.ListAsync(query, KeepActive, 50, null, 2000);

        Assert.Equal(2, small.StorageOperations.Count - before);
        Assert.Equal(first.Residents.Select(r => r.Position.RowKey), again.Residents.Select(r => r.Position.RowKey));
    }

    [Fact]
    public async Task A_feed_that_changes_a_street_shows_in_its_next_list()
    {
        var grid = new ResidentListQuery(DivisionCode.Parse(CommunityA1), GridCode.Parse("G01"));
        var community = new ResidentListQuery(DivisionCode.Parse(CommunityA1));
        Assert.Contains(_hub.KeyOf(5), await KeysAsync(grid));
        Assert.Contains("王五", (await ListAllAsync(community)).Select(r => r.Name));

        await _hub.LoadAsync(new Resident(5, "王伍", CommunityA1, "G02", CommunityA1, Household: 1));

        Assert.DoesNotContain(_hub.KeyOf(5), await KeysAsync(grid));
        Assert.Contains(_hub.KeyOf(5), await KeysAsync(grid with { Grid = GridCode.Parse("G02") }));
        Assert.Equal("王伍", (await ListAllAsync(community)).Single(r => r.PersonKey.Value == _hub.KeyOf(5)).Name);
    }

    [Fact]
    public async Task A_change_to_another_street_leaves_this_streets_roster_held()
    {
        var rosters = _lister.Services.GetRequiredService<StreetRosters>();
        var streetA = await rosters.GetAsync(Street);
        var streetB = await rosters.GetAsync(StreetB[..9]);

        await _hub.LoadAsync(new Resident(13, "李三", CommunityB1, "G01", CommunityB1));

        Assert.Same(streetA, await rosters.GetAsync(Street));
        Assert.NotSame(streetB, await rosters.GetAsync(StreetB[..9]));
        Assert.Contains(_hub.KeyOf(13), await KeysAsync(new ResidentListQuery(DivisionCode.Parse(StreetB))));
    }

    [Fact]
    public async Task A_row_the_reconciler_deletes_is_gone_from_the_next_list()
    {
        // A street nobody lives in, so that no person the reconciler rebuilds writes there after the delete.
        const string stray = "0123456789abcdef0123456789abcdef";
        var changes = new ResidentChanges();
        changes.Replace([], [new ResidentEntity { PartitionKey = "110105009", RowKey = $"001|G01|{stray}", PersonKey = stray, Memberships = "dibao:2020-01-01:" }]);
        await _hub.Factory.Services.GetRequiredService<ResidentIndex>().ApplyAsync(changes, 1);
        var street = new ResidentListQuery(DivisionCode.Parse("110105009000"));
        Assert.Equal([stray], await KeysAsync(street));

        // Rows written before the job starts are the ones it judges; rows written since are a batch's.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var result = await _hub.Factory.Services.GetRequiredService<ResidentReconciler>().RunAsync();

        Assert.Equal(1, result.RowsDeleted);
        Assert.Empty(await KeysAsync(street));
    }

    [Fact]
    public async Task The_version_row_is_never_a_resident_a_candidate_a_household_member_or_a_reconciliation_difference()
    {
        var residents = _hub.Factory.Storage.ResidentTableOf(Street);
        Assert.True((await residents.GetEntityIfExistsAsync<TableEntity>(Street, StreetVersion.RowKey)).HasValue);
        var index = _hub.Factory.Services.GetRequiredService<ResidentIndex>();
        var one = await RowOfAsync(1);
        var incoming = _hub.Factory.Services.GetRequiredService<ResidentRowBuilder>().ReadRecords(one.PersonKey, one.Records)[0];

        var listed = await ListAllAsync(new ResidentListQuery(DivisionCode.Parse(StreetA)));
        var candidates = await index.FindCandidatesAsync(incoming);
        var looked = await index.FindCandidatesAsync(incoming, index.NewLookups());
        var household = await index.HouseholdMembersAsync(Street, one.HouseholdKey!);
        var reconciled = await _hub.Factory.Services.GetRequiredService<ResidentReconciler>().RunAsync();

        Assert.All(listed, r => Assert.True(PersonKey.TryParse(r.PersonKey.Value, out _), "a listed row is a person's"));
        Assert.Contains(candidates, c => c.Person.Value == _hub.KeyOf(1));
        Assert.Equal(candidates.Select(c => c.Person.Value), looked.Select(c => c.Person.Value));
        Assert.Equal([_hub.KeyOf(1), _hub.KeyOf(5), _hub.KeyOf(10)], household.Select(k => k.Value).Order(StringComparer.Ordinal));
        Assert.Equal(0, reconciled.RowsDeleted);
        Assert.True((await residents.GetEntityIfExistsAsync<TableEntity>(Street, StreetVersion.RowKey)).HasValue);
    }

    private ResidentDirectory Lister => _lister.Services.GetRequiredService<ResidentDirectory>();

    private static bool KeepActive(ListedResident resident) => resident.Memberships.Any(m => m.IsActiveOn(Today));

    private async Task<ResidentEntity> RowOfAsync(int resident)
    {
        var key = _hub.KeyOf(resident);
        return await _hub.Factory.Storage.QueryResidentsAsync<ResidentEntity>(r => r.PersonKey == key).FirstAsync(r => !r.RowKey.StartsWith('~'));
    }

    private async Task<List<string>> KeysAsync(ResidentListQuery query) => [.. (await ListAllAsync(query)).Select(r => r.PersonKey.Value)];

    private async Task<List<ListedResident>> ListAllAsync(ResidentListQuery query)
    {
        var rows = new List<ListedResident>();
        ResidentListPosition? after = null;
        do
        {
            var page = await Lister.ListAsync(query, KeepActive, 50, after, 2000);
            rows.AddRange(page.Residents);
            after = page.Next;
        }
        while (after is not null);

        return rows;
    }

    private delegate Task<ResidentListPage> ListPage(ResidentListQuery query, Func<ListedResident, bool> keep, int pageSize, ResidentListPosition? after, int scanLimit, CancellationToken cancellationToken = default);

    /// <summary>Every page of <paramref name="query"/>, each as what a caller sees of it.</summary>
    private static async Task<List<PageSeen>> PagesAsync(ListPage list, ResidentListQuery query, int pageSize, int scanLimit)
    {
        var pages = new List<PageSeen>();
        ResidentListPosition? after = null;
        do
        {
            var page = await list(query, KeepActive, pageSize, after, scanLimit);
            pages.Add(new PageSeen([.. page.Residents.Select(r => $"{r.Position}|{r.Name}|{string.Join(',', r.Places)}|{r.HouseholdKey}|{string.Join(';', r.Memberships)}|{r.Identified}")], page.Next, page.Scanned));
            after = page.Next;
        }
        while (after is not null && pages.Count < 100);

        return pages;
    }

    private sealed record PageSeen(List<string> Rows, ResidentListPosition? Next, int Scanned)
    {
        public bool Equals(PageSeen? other) => other is not null && Rows.SequenceEqual(other.Rows) && Next == other.Next && Scanned == other.Scanned;

        public override int GetHashCode() => HashCode.Combine(Rows.Count, Next, Scanned);
    }
}
