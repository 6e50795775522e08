using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.Browser.Tests;

/// <summary>Department integrators: their source's batches with counts, and the rejects report.</summary>
[Collection(ConsoleFixture.Collection)]
public sealed class IntegratorConsoleTests(ConsoleFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Civil_affairs_integrator_sees_its_batches_and_downloads_a_rejects_report()
    {
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("civil-affairs-integrator");

        await session.Page.Locator("main table tbody tr").First.WaitForAsync();
        Assert.True(await session.Page.Locator("main table tbody tr").CountAsync() >= 3);
        Assert.DoesNotContain("police", await session.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await session.ScreenshotAsync("integrator-batches");
        await session.AssertAccessibleAsync();

        var download = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.Locator("button[data-rejects]").First.ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var text = await File.ReadAllTextAsync(path);
        File.Delete(path);
        Assert.StartsWith("row,field,reason,outcome", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Civil_affairs_officer_sees_why_a_snapshot_is_held_and_discards_it_with_a_reason()
    {
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("qian-civil-affairs-officer");

        await session.Page.GotoAsync($"/api/console/#/batch/{fixture.HeldBatchId}");
        await session.Page.Locator("button[data-decide='discard']").WaitForAsync();
        Assert.Matches("应用后将终止本部门全部 [1-9][0-9]* 条现有记录", await session.Page.Locator("main").InnerTextAsync());
        await session.ScreenshotAsync("held-snapshot");
        await session.AssertAccessibleAsync();
        await session.Page.Locator("button[data-decide='discard']").ClickAsync();
        Assert.Contains("请填写理由。", await session.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await session.Page.Locator("textarea[name='reason']").FillAsync("导出中断，只有表头");
        await session.Page.Locator("button[data-decide='discard']").ClickAsync();

        await session.Page.Locator("main").GetByText("已放弃").First.WaitForAsync();
        Assert.Equal(0, await session.Page.Locator("button[data-decide]").CountAsync());
        Assert.Contains("导出中断，只有表头", await session.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_still_loading_when_the_user_follows_a_link_does_not_replace_the_page_they_went_to()
    {
        // The landing page waits for the division registry; here it answers late, after the user has gone straight on
        // to a batch. The batch report must stay on screen once the late answer arrives.
        var divisionsAnswered = new TaskCompletionSource();
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("qian-civil-affairs-officer", beforeSignIn: page => page.RouteAsync("**/api/divisions", async route =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            await route.ContinueAsync();
            divisionsAnswered.TrySetResult();
        }));

        await session.Page.GotoAsync($"/api/console/#/batch/{fixture.HeldBatchId}");
        await divisionsAnswered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await session.Page.Locator("main h1").GetByText("批次报告").WaitForAsync();
        await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal("批次报告", await session.Page.Locator("main h1").InnerTextAsync());
        Assert.Contains(fixture.HeldBatchId, await session.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_page_lists_the_sample_identities_and_passes_the_accessibility_check()
    {
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("police-integrator");
        await session.Page.Locator("#sign-out").ClickAsync();

        await session.Page.Locator("button[data-identity]").First.WaitForAsync();
        Assert.Equal(11, await session.Page.Locator("button[data-identity]").CountAsync());
        await session.ScreenshotAsync("sign-in");
        await session.AssertAccessibleAsync();
    }
}
