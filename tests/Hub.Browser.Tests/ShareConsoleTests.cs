using Hub.Tests.Shared;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.Browser.Tests;

/// <summary>Share many in the console: a street office's moves, an officer's inbox of events and worklist, subscriptions with push delivery.</summary>
[Collection(ConsoleFixture.Collection)]
public sealed class ShareConsoleTests(ConsoleFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Street_officer_subscribes_to_moves_and_lists_who_moved_in_out_and_within_the_street()
    {
        await PushPoliceAsync(ShareSeed.MoversPlaced());
        // The one who leaves is the street's to look up only before the move.
        var leaver = await fixture.KeyOfAsync(ShareSeed.Liping);
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("wang-street-officer");

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "迁入迁出" }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Heading, new() { Name = "订阅本辖区的迁移事件" }).WaitForAsync();
        Assert.Contains("创建之前发生的迁移不会出现", await session.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await session.ScreenshotAsync("street-officer-moves-offer");
        await session.AssertAccessibleAsync();
        // By keyboard: the offer's button takes focus and Enter makes the subscription.
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "订阅迁移事件" }).FocusAsync();
        await session.Page.Keyboard.PressAsync("Enter");
        await session.Page.GetByText("没有符合条件的迁移。").WaitForAsync();

        await PushPoliceAsync(ShareSeed.MoversMoved());
        var comer = await fixture.KeyOfAsync(ShareSeed.Lixin);
        var mover = await fixture.KeyOfAsync(ShareSeed.Lihua);
        var rows = session.Page.Locator("main table tbody tr");
        await UntilAsync(session.Page, "检查新的迁移", async () => await rows.CountAsync() >= 4);

        Assert.Equal(["迁出", "迁出"], await DirectionsOfAsync(session.Page, leaver));
        Assert.Equal(["迁入"], await DirectionsOfAsync(session.Page, comer));
        Assert.Equal(["辖区内迁移"], await DirectionsOfAsync(session.Page, mover));
        var within = session.Page.Locator("main table tbody tr", new() { Has = session.Page.Locator($"a[href='#/person/{mover}']") });
        Assert.Contains(ShareSeed.SameStreet, await within.InnerTextAsync(), StringComparison.Ordinal);
        await session.ScreenshotAsync("street-officer-moves");
        await session.AssertAccessibleAsync();

        await session.Page.GetByLabel("方向", new() { Exact = true }).SelectOptionAsync("in");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        Assert.Equal(1, await rows.CountAsync());
        Assert.Equal("迁入", await rows.Locator("[data-direction]").InnerTextAsync());
        await rows.Locator($"a[href='#/person/{comer}']").ClickAsync();
        await session.Page.GetByRole(AriaRole.Heading, new() { Name = "人员信息：孙立新" }).WaitForAsync();
    }

    [Fact]
    public async Task Civil_affairs_officer_reads_a_death_in_the_inbox_and_decides_its_worklist_item_with_a_reason()
    {
        await PushPoliceAsync(ShareSeed.RecipientPolice());
        await fixture.Hub.PushAsync("civil-affairs", ShareSeed.RecipientDibao(), "text/csv");
        var key = await fixture.KeyOfAsync(ShareSeed.Liqiang);
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("qian-civil-affairs-officer");
        var subscription = await CreateSubscriptionAsync(session.Page, ["人员死亡"], endpoint: null);

        await PushPoliceAsync(ShareSeed.RecipientDied());
        await session.Page.GotoAsync($"/api/console/#/inbox/{subscription}");
        var events = session.Page.Locator("section[aria-labelledby='inbox-events'] table tbody tr");
        await UntilAsync(session.Page, "从订阅开始处重读", async () => await events.CountAsync() > 0);
        var death = session.Page.Locator("section[aria-labelledby='inbox-events'] table tbody tr", new() { Has = session.Page.Locator($"a[href='#/person/{key}']") });
        var text = await death.InnerTextAsync();
        Assert.Contains("人员死亡", text, StringComparison.Ordinal);
        Assert.Contains("2025-09-15", text, StringComparison.Ordinal);
        Assert.Contains("公安", text, StringComparison.Ordinal);
        Assert.Matches("下一页（游标 [0-9]+）", await session.Page.Locator("section[aria-labelledby='inbox-events']").InnerTextAsync());
        await session.ScreenshotAsync("department-officer-inbox-events");
        await session.AssertAccessibleAsync();

        var item = session.Page.Locator("article[data-item]", new() { HasText = "孙立强" });
        await FindItemAsync(session.Page, item);
        Assert.Contains("死亡人员仍享受救助待遇", await item.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("城乡低保", await item.Locator("table").First.InnerTextAsync(), StringComparison.Ordinal);
        await item.ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync("department-officer-inbox-worklist");
        await item.GetByLabel("排除（需说明理由）").CheckAsync();
        await item.GetByRole(AriaRole.Button, new() { Name = "提交处理结论" }).ClickAsync();
        await item.GetByRole(AriaRole.Alert).WaitForAsync();
        Assert.Equal("open", await item.Locator("[data-status]").GetAttributeAsync("data-status"));

        await item.GetByLabel("确认属实").CheckAsync();
        await item.GetByLabel("理由", new() { Exact = true }).FillAsync("入户核实：本人已去世，停发低保");
        await item.GetByRole(AriaRole.Button, new() { Name = "提交处理结论" }).ClickAsync();
        var decided = session.Page.Locator("article[data-item]", new() { HasText = "入户核实：本人已去世，停发低保" });
        await decided.WaitForAsync();
        Assert.Equal("confirmed", await decided.Locator("[data-status]").GetAttributeAsync("data-status"));
        Assert.Equal(0, await decided.GetByRole(AriaRole.Button, new() { Name = "提交处理结论" }).CountAsync());
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Civil_affairs_officer_sees_a_push_secret_once_redrives_a_dead_letter_then_changes_and_ends_the_subscription()
    {
        await PushPoliceAsync(ShareSeed.PushedPersonPolice());
        // The Hub under test parks a delivery after its first failure; this receiver fails it, then takes the re-drive.
        await using var receiver = new WebhookReceiver(500, 204);
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("qian-civil-affairs-officer");

        var subscription = await CreateSubscriptionAsync(session.Page, ["人员死亡"], receiver.Endpoint.ToString());
        var secret = await session.Page.Locator("[data-secret]").InnerTextAsync();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Contains("只显示这一次", await session.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await session.ScreenshotAsync("department-officer-subscription-secret");
        await session.AssertAccessibleAsync();

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "打开这个订阅" }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Heading, new() { Name = "推送状态" }).WaitForAsync();
        Assert.DoesNotContain(secret, await session.PageContentAsync(), StringComparison.Ordinal);
        Assert.Contains("尚未推送成功", await session.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await PushPoliceAsync(ShareSeed.PushedPersonDied());
        var letter = session.Page.Locator("button[data-letter]");
        await UntilReloadedAsync(session.Page, async () => await letter.CountAsync() > 0);
        Assert.Contains("500", await session.Page.Locator("main table tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Single(receiver.Received);
        await session.ScreenshotAsync("department-officer-dead-letter");
        await session.AssertAccessibleAsync();

        await letter.ClickAsync();
        await session.Page.GetByText("已安排重新投递").WaitForAsync();
        await UntilReloadedAsync(session.Page, async () => await session.Page.GetByText("没有推送失败的事件。").CountAsync() > 0);
        Assert.Equal(2, receiver.Received.Count);

        await session.Page.GetByLabel("人员状态变更", new() { Exact = true }).CheckAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "保存修改" }).ClickAsync();
        await session.Page.GetByText("订阅已修改。").WaitForAsync();
        Assert.Contains("人员死亡、人员状态变更", await session.Page.Locator("main dl").First.InnerTextAsync(), StringComparison.Ordinal);

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "结束订阅" }).ClickAsync();
        // The second click the end takes has the focus already: Enter confirms.
        await session.Page.Keyboard.PressAsync("Enter");
        await session.Page.GetByText("订阅已结束。").WaitForAsync();
        Assert.Contains("已结束", await session.Page.Locator("main dl").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await session.Page.GetByRole(AriaRole.Button, new() { Name = "保存修改" }).CountAsync());
        await session.Page.GotoAsync("/api/console/#/subscriptions");
        var row = session.Page.Locator("main table tbody tr", new() { Has = session.Page.Locator($"a[href='#/subscription/{subscription}']") });
        Assert.Contains("已结束", await row.InnerTextAsync(), StringComparison.Ordinal);
        await session.ScreenshotAsync("department-officer-subscriptions");
    }

    [Fact]
    public async Task Grid_worker_reads_a_worklist_item_of_their_grid_without_a_decision_form_and_in_English()
    {
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("zhao-grid-worker");

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "收件箱" }).ClickAsync();
        var item = session.Page.Locator("article[data-item]", new() { HasText = "王建民" });
        await FindItemAsync(session.Page, item);
        Assert.Contains("死亡人员仍享受救助待遇", await item.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await session.Page.GetByRole(AriaRole.Heading, new() { Name = "变更事件" }).CountAsync());
        Assert.Equal(0, await item.Locator("form").CountAsync());
        await session.ScreenshotAsync("grid-worker-inbox");
        await session.AssertAccessibleAsync();

        await session.Page.Locator("#lang").SelectOptionAsync("en");
        await session.Page.GetByRole(AriaRole.Heading, new() { Name = "Cross-department check worklist" }).WaitForAsync();
        var english = session.Page.Locator("article[data-item]", new() { HasText = "王建民" });
        await FindItemAsync(session.Page, english, "Show more");
        Assert.Contains("Assistance still running after the recipient's death", await english.InnerTextAsync(), StringComparison.Ordinal);
    }

    private async Task PushPoliceAsync(byte[] csv)
    {
        var report = await fixture.Hub.PushAsync("police", csv, "text/csv");
        Assert.Equal("completed", (string?)report["status"]);
    }

    // Makes a subscription on the subscriptions page and answers its id, read from the link the page offers to it.
    private static async Task<string> CreateSubscriptionAsync(IPage page, string[] types, string? endpoint)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "订阅管理" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "新建订阅" }).WaitForAsync();
        foreach (var type in types)
        {
            await page.GetByLabel(type, new() { Exact = true }).CheckAsync();
        }

        await page.GetByLabel("查询事由").SelectOptionAsync("benefit-review");
        if (endpoint is not null)
        {
            await page.GetByLabel("推送地址（可选）").FillAsync(endpoint);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "创建订阅" }).ClickAsync();
        var link = page.GetByRole(AriaRole.Link, new() { Name = "打开这个订阅" });
        await link.WaitForAsync();
        return (await link.GetAttributeAsync("href"))!["#/subscription/".Length..];
    }

    // Events are published and pushed when their batch completes, a moment after the push answered: ask again until they show.
    private static async Task UntilAsync(IPage page, string again, Func<Task<bool>> done)
    {
        for (var attempt = 0; attempt < 40 && !await done(); attempt++)
        {
            await Task.Delay(500);
            await page.GetByRole(AriaRole.Button, new() { Name = again }).ClickAsync();
            await page.Locator("main [aria-busy='false']").First.WaitForAsync();
        }

        Assert.True(await done(), "The page never showed what was expected.");
    }

    private static async Task UntilReloadedAsync(IPage page, Func<Task<bool>> done)
    {
        for (var attempt = 0; attempt < 60 && !await done(); attempt++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "推送状态" }).WaitForAsync();
        }

        Assert.True(await done(), "The delivery status never showed what was expected.");
    }

    // The worklist comes a page at a time in the index's order, so the item is looked for page by page.
    private static async Task FindItemAsync(IPage page, ILocator item, string showMore = "显示更多")
    {
        var more = page.GetByRole(AriaRole.Button, new() { Name = showMore });
        await page.Locator("section[aria-labelledby='inbox-worklist'] [aria-busy='false']").WaitForAsync();
        while (await item.CountAsync() == 0 && await more.CountAsync() > 0)
        {
            await more.ClickAsync();
            await page.Locator("section[aria-labelledby='inbox-worklist'] [aria-busy='false']").WaitForAsync();
        }

        Assert.Equal(1, await item.CountAsync());
    }

    private static async Task<IReadOnlyList<string>> DirectionsOfAsync(IPage page, string personKey) =>
        await page.Locator("main table tbody tr", new() { Has = page.Locator($"a[href='#/person/{personKey}']") }).Locator("[data-direction]").AllInnerTextsAsync();
}
