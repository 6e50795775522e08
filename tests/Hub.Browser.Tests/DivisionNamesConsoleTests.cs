using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.Browser.Tests;

/// <summary>
/// Divisions read by name on every page where a code was: the residents list, a person's places, the auditor's events
/// and a division filter; the code stays beside the name and in its tooltip.
/// </summary>
[Collection(ConsoleFixture.Collection)]
public sealed class DivisionNamesConsoleTests(ConsoleFixture fixture, ITestOutputHelper output)
{
    // The sample community 110105003008: 呼家楼街道's eighth community.
    private const string CommunityPath = "朝阳区 / 呼家楼街道 / 金台里社区";

    [Fact]
    public async Task Street_officer_reads_communities_and_grids_by_name_in_the_residents_list()
    {
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("wang-street-officer");

        var communities = session.Page.Locator("main table tbody tr td:nth-child(3) .division");
        await communities.First.WaitForAsync();
        Assert.Equal(await session.Page.Locator("main table tbody tr").CountAsync(), await communities.CountAsync());
        var code = await communities.First.GetAttributeAsync("data-code");
        Assert.Matches(@"^110105003\d{3}$", code);
        Assert.Equal(code, await communities.First.GetAttributeAsync("title"));
        Assert.Matches($@"^\p{{IsCJKUnifiedIdeographs}}+社区 {code}$", await communities.First.InnerTextAsync());
        // A row placed by registration has no grid; every grid given reads by its name.
        var grids = await session.Page.Locator("main table tbody tr td:nth-child(4)").AllInnerTextsAsync();
        Assert.All(grids, grid => Assert.Matches(@"^(第[一二三四五六七八]网格 G0[1-8])?$", grid));
        Assert.Contains(grids, grid => grid.Length > 0);
        Assert.Equal("朝阳区 / 呼家楼街道", await session.Page.Locator("main form .field-hint").First.InnerTextAsync());
        var main = await session.Page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("null", main, StringComparison.Ordinal);
        Assert.DoesNotContain("undefined", main, StringComparison.Ordinal);
        await session.ScreenshotAsync("street-officer-residents-by-name");
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Street_officer_reads_a_persons_places_by_their_full_path()
    {
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("wang-street-officer");
        var key = await fixture.KeyOfAsync(ConsoleFixture.Jianhua);

        await session.Page.GotoAsync($"{session.Page.Url.Split('#')[0]}#/person/{key}");
        var place = session.Page.Locator($"main dl .division[data-code='{ConsoleFixture.Community}']");
        await place.First.WaitForAsync();

        // Residence and registration: both in the sample community, neither with a grid the police register gives.
        Assert.Equal([$"{CommunityPath} {ConsoleFixture.Community}", $"{CommunityPath} {ConsoleFixture.Community}"], await place.AllInnerTextsAsync());
        Assert.Equal(ConsoleFixture.Community, await place.First.GetAttributeAsync("title"));
        var main = await session.Page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("null", main, StringComparison.Ordinal);
        await session.ScreenshotAsync("street-officer-person-places-by-name");
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Auditor_reads_the_division_of_each_event_by_name()
    {
        var key = await fixture.KeyOfAsync(ConsoleFixture.Jianhua);
        await fixture.Hub.GetAsync<System.Text.Json.Nodes.JsonObject>($"/api/persons/{key}", ConsoleFixture.StreetOfficerToken());
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("sun-auditor");

        await session.Page.Locator("main table tbody tr").First.WaitForAsync();
        await session.Page.GetByLabel("人员标识").FillAsync(key);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var division = session.Page.Locator("main table tbody tr .division[data-code='110105003000']");
        await division.First.WaitForAsync();

        Assert.Equal("朝阳区 / 呼家楼街道 110105003000", await division.First.InnerTextAsync());
        await session.Page.GetByLabel("区划代码").FillAsync("110105003");
        Assert.Equal("朝阳区 / 呼家楼街道", await session.Page.Locator("main form .field-hint").First.InnerTextAsync());
        await session.ScreenshotAsync("auditor-events-by-division-name");
        await session.AssertAccessibleAsync();
    }
}
