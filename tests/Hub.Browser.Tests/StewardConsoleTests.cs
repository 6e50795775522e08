using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.Browser.Tests;

/// <summary>Data stewards: the possible-match queue with the record beside its candidates, and a decision.</summary>
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
}
