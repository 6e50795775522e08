using System.Globalization;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.Browser.Tests;

/// <summary>Data stewards: the possible-match queue with the record beside its candidates, its pages and filters, and decisions one by one or for a page.</summary>
[Collection(ConsoleFixture.Collection)]
public sealed class StewardConsoleTests(ConsoleFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Steward_sees_the_record_beside_both_twins_and_links_it()
    {
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("chen-data-steward");

        var item = session.Page.Locator("article[data-record]").Filter(new() { HasText = "王建国" }).First;
        await item.WaitForAsync();
        Assert.Equal(2, await item.Locator("section[aria-label='候选人员']").CountAsync());
        var text = await item.InnerTextAsync();
        Assert.Contains("王建国", text, StringComparison.Ordinal);
        Assert.Contains("王建华", text, StringComparison.Ordinal);
        await session.ScreenshotAsync("steward-queue");
        await session.AssertAccessibleAsync();

        await item.GetByLabel("处理理由").FillAsync("低保卡号一致");
        await item.Locator("button[data-action='link']").First.ClickAsync();
        await session.Page.GetByText("已处理").WaitForAsync();

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "合并与拆分" }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Heading, new() { Name = "合并两名人员" }).WaitForAsync();
        await session.ScreenshotAsync("steward-merge-split");
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Steward_filters_the_queue_pages_through_it_and_decides_the_selected_records_at_once()
    {
        var token = DevelopmentTokens.MintPersonal("chen-data-steward", [HubRoles.DataSteward], "110100000000");
        var before = await fixture.Hub.GetAsync<JsonObject>("/api/resolution/queue?source=civil-affairs&pageSize=100", token);
        var floor = Math.Floor(before["items"]!.AsArray().Select(i => i!).Where(i => (string?)i["record"]!["residenceDivision"] == QueueSeed.Community).Min(i => (double)i["score"]!));
        var expected = await QueueAsync(FormattableString.Invariant($"source=civil-affairs&minScore={floor}&sort=score&pageSize=100"), token);
        var keys = expected.Select(i => (string)i["recordKey"]!).ToList();
        Assert.True(keys.Count >= QueueSeed.Pairs, $"{keys.Count} records wait; the seed queues {QueueSeed.Pairs}");
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("chen-data-steward");
        var filters = session.Page.Locator("form[aria-label='队列筛选']");
        await filters.WaitForAsync();

        await filters.GetByLabel("来源部门").SelectOptionAsync("civil-affairs");
        await filters.GetByLabel("最低得分").FillAsync(floor.ToString(CultureInfo.InvariantCulture));
        await filters.GetByLabel("排序").SelectOptionAsync("score");
        await filters.GetByLabel("每页条数").SelectOptionAsync("5");
        await filters.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();

        await session.Page.GetByText($"共 {keys.Count} 条待处理，本页显示 5 条。").WaitForAsync();
        Assert.Equal(keys.Take(5), await RecordsShownAsync(session));
        await session.ScreenshotAsync("steward-queue-page");
        await session.AssertAccessibleAsync();

        await session.Page.Locator("button[data-action='next-page']").ClickAsync();
        await session.Page.GetByText($"共 {keys.Count} 条待处理，本页显示 {Math.Min(5, keys.Count - 5)} 条。").WaitForAsync();
        Assert.Equal(keys.Skip(5).Take(5), await RecordsShownAsync(session));

        // Two of the seeded records: the twins' record stays for the other test.
        var chosen = expected.Skip(5).Take(5).Where(i => (string?)i["record"]!["name"] != "王建国").Take(2).Select(i => (string)i["recordKey"]!).ToList();
        foreach (var record in chosen)
        {
            await session.Page.Locator($"fieldset[data-choice='{record}'] input[value='reject']").CheckAsync();
        }

        await session.Page.Locator("button[data-action='decide-selected']").ClickAsync();
        await session.Page.GetByText("已选 2 条，已处理 2 条。").WaitForAsync();
        await session.ScreenshotAsync("steward-queue-decided");
        Assert.DoesNotContain("null", await session.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var after = await fixture.Hub.GetAsync<JsonObject>("/api/resolution/queue?source=civil-affairs&pageSize=100", token);
        Assert.Equal((int)before["total"]! - 2, (int)after["total"]!);
        Assert.DoesNotContain(after["items"]!.AsArray(), i => chosen.Contains((string)i!["recordKey"]!));
    }

    private async Task<List<JsonNode>> QueueAsync(string query, string token) =>
        [.. (await fixture.Hub.GetAsync<JsonObject>("/api/resolution/queue?" + query, token))["items"]!.AsArray().Select(i => i!)];

    private static async Task<List<string>> RecordsShownAsync(ConsoleSession session) =>
        [.. await session.Page.Locator("article[data-record]").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.record)")];
}
