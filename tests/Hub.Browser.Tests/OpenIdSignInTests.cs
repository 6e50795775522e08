using Hub.Tests.Shared;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.Browser.Tests;

/// <summary>
/// The console's real sign-in, end to end: MSAL (the console's vendor/msal-browser) against a certified OpenID provider
/// on loopback, a Hub whose Hub:Auth:Authority is that provider and which validates its tokens, over the data the
/// other browser tests share.
/// </summary>
[Collection(ConsoleFixture.Collection)]
public sealed class OpenIdSignInTests(ConsoleFixture fixture, ITestOutputHelper output)
{
    private const string ClientId = "hub-console";
    private const string Audience = "hub";
    private const string Scope = "api://hub/user_impersonation";

    [Fact]
    public async Task Grid_worker_signs_in_at_the_identity_provider_reads_the_residents_of_the_grid_in_their_token_and_signs_out()
    {
        var port = HubProcess.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var accounts = new Dictionary<string, object>
        {
            ["zhao.grid@example.test"] = new { name = "赵网格员", roles = new[] { "Hub.GridWorker" }, division = ConsoleFixture.Community, grid = "G08" },
        };
        await using var provider = await OpenIdProvider.StartAsync(ClientId, new Uri(address, "/api/console/redirect.html"), Audience, Scope, accounts);
        // A second Hub over the fixture's data, signing people in at the provider instead of the development sign-in.
        await using var hub = await HubProcess.StartAsync(fixture.Storage, fixture.Prefix, new Dictionary<string, string>(HubUnderTest.Settings)
        {
            ["Hub:Auth:Authority"] = provider.Issuer,
            ["Hub:Auth:Audience"] = Audience,
            ["Hub:Console:ClientId"] = ClientId,
            ["Hub:Console:Scope"] = Scope,
            ["SSL_CERT_FILE"] = provider.CertificateAuthorityFile,
        }, port);
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            Locale = "zh-CN",
            // The provider's certificate authority exists for this run only; the Hub trusts it through SSL_CERT_FILE.
            IgnoreHTTPSErrors = true,
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/console");
        await page.GetByRole(AriaRole.Button, new() { Name = "使用 Entra ID 登录" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(provider.Issuer, StringComparison.Ordinal));
        await page.Locator("input[name=login]").FillAsync("zhao.grid@example.test");
        await page.Locator("input[name=password]").FillAsync("any password");
        await page.Locator("button[type=submit]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await page.Locator("#sign-out").WaitForAsync(new() { Timeout = 30_000 });
        Assert.Contains("赵网格员", await page.Locator("#who").InnerTextAsync(), StringComparison.Ordinal);
        var rows = page.Locator("main table tbody tr");
        await rows.First.WaitForAsync();
        Assert.True(await rows.CountAsync() > 0);
        Assert.All(await page.Locator("main table tbody tr td:nth-child(4)").AllInnerTextsAsync(), grid => Assert.Equal("第八网格 G08", grid));
        var screenshot = Path.Combine(ConsoleFixture.ScreenshotFolder, "openid-sign-in-residents.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");

        // Signing out forgets the token everywhere the page kept it, MSAL's cache included.
        const string StoredWith = "token => Object.keys(sessionStorage).filter(k => sessionStorage.getItem(k).includes(token)).length";
        var token = await page.EvaluateAsync<string>("JSON.parse(sessionStorage.getItem('hub.console.session')).token");
        Assert.True(await page.EvaluateAsync<int>(StoredWith, token) >= 2);
        await page.Locator("#sign-out").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "使用 Entra ID 登录" }).WaitForAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>(StoredWith, token));
    }
}
