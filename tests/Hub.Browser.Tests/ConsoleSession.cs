using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.Browser.Tests;

/// <summary>One user's browser tab on the console: sign in as a sample identity, screenshot a page, check its accessibility.</summary>
public sealed class ConsoleSession(ConsoleFixture fixture, ITestOutputHelper output) : IAsyncDisposable
{
    private IBrowserContext? _context;

    public IPage Page { get; private set; } = null!;

    /// <summary>
    /// Opens the console in a fresh context (its own session storage) and signs in as <paramref name="identity"/>;
    /// <paramref name="beforeSignIn"/> may shape the page's traffic first.
    /// </summary>
    public async Task SignInAsync(string identity, int width = 1280, int height = 900, Func<IPage, Task>? beforeSignIn = null)
    {
        _context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Hub.Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            AcceptDownloads = true,
        });
        Page = await _context.NewPageAsync();
        await Page.GotoAsync("/console");
        if (beforeSignIn is not null)
        {
            await beforeSignIn(Page);
        }

        await Page.Locator($"button[data-identity='{identity}']").ClickAsync();
        await Page.Locator("#sign-out").WaitForAsync();
    }

    /// <summary>Saves a full-page screenshot named <paramref name="name"/> and prints where it is.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var path = Path.Combine(ConsoleFixture.ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    /// <summary>Runs axe-core on the page and fails on any serious or critical violation, naming them.</summary>
    public async Task AssertAccessibleAsync()
    {
        var result = await Page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(Describe)));
    }

    /// <summary>The text of the whole page as the user sees it, plus every attribute value: what "in the page" means.</summary>
    public async Task<string> PageContentAsync() => await Page.ContentAsync();

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }

    private static string Describe(AxeResultItem violation) =>
        $"{violation.Id} ({violation.Impact}): {violation.Help} at {string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString()))}";
}
