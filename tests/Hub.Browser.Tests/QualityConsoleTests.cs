using System.Text.Json.Nodes;
using Hub.Core.Access;
using Xunit.Abstractions;

namespace Hub.Browser.Tests;

/// <summary>Data quality in the console: the city's figures for an administrator, a department's for its integrator, and a batch's movement.</summary>
[Collection(ConsoleFixture.Collection)]
public sealed class QualityConsoleTests(ConsoleFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task An_administrator_sees_every_departments_figures_with_charts_of_their_trend_completeness_and_disagreement()
    {
        var token = DevelopmentTokens.MintPersonal("zhou-administrator", [HubRoles.Administrator], "110100000000");
        var disability = await fixture.Hub.GetAsync<JsonObject>("/api/quality/disability-federation", token);
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("zhou-administrator");

        await session.Page.GotoAsync("/api/console/#/quality/disability-federation");
        await session.Page.Locator("section[data-source='disability-federation'] svg[data-chart='completeness']").WaitForAsync();

        var main = await session.Page.Locator("main").InnerTextAsync();
        Assert.Equal(4, await session.Page.Locator("main > div > div.table-wrap").First.Locator("tbody tr").CountAsync());
        Assert.Contains((string)disability["latest"]!["batchId"]!, main, StringComparison.Ordinal);
        Assert.Contains($"({(long)disability["latest"]!["rejected"]!} / {(long)disability["latest"]!["received"]!})", main, StringComparison.Ordinal);
        var trend = disability["trend"]!.AsArray().Count;
        Assert.Equal(trend, await session.Page.Locator("svg[data-chart='trend'] g[data-series='rejectionRate'] circle").CountAsync());
        Assert.Equal(disability["latest"]!["completeness"]!.AsArray().Count, await session.Page.Locator("svg[data-chart='completeness'] g").CountAsync());
        Assert.Equal(disability["latest"]!["disagreements"]!.AsArray().Count, await session.Page.Locator("svg[data-chart='disagreements'] g").CountAsync());
        await session.ScreenshotAsync("quality-city");
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task An_integrator_follows_a_batch_report_to_how_the_batch_moved_its_departments_figures()
    {
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("police-integrator");
        await session.Page.Locator("main table tbody tr a").First.WaitForAsync();

        await session.Page.Locator("main table tbody tr a").First.ClickAsync();
        await session.Page.Locator("a[data-quality-link]").ClickAsync();
        await session.Page.Locator("main table tbody tr").First.WaitForAsync();

        var main = await session.Page.Locator("main").InnerTextAsync();
        Assert.Contains("与上一批次相比", main, StringComparison.Ordinal);
        Assert.Contains("问题数据率", main, StringComparison.Ordinal);
        await session.ScreenshotAsync("quality-batch");
        await session.AssertAccessibleAsync();

        await session.Page.GotoAsync("/api/console/#/quality");
        await session.Page.Locator("section[data-source='police']").WaitForAsync();
        Assert.Equal(0, await session.Page.Locator("section[data-source='disability-federation']").CountAsync());
        await session.ScreenshotAsync("quality-department");
    }
}
