using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.Browser.Tests;

/// <summary>Auditors: events, "who looked at this person", alerts and the integrity check; never a person's data.</summary>
[Collection(ConsoleFixture.Collection)]
public sealed class AuditorConsoleTests(ConsoleFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Auditor_searches_events_that_name_no_person()
    {
        // A person read just before the auditor looks; the auditor searches the events naming that person's key, so
        // the read is found whatever the other tests sharing the Hub have logged.
        var key = await fixture.KeyOfAsync(ConsoleFixture.Jianhua);
        await fixture.Hub.GetAsync<JsonObject>($"/api/persons/{key}", ConsoleFixture.StreetOfficerToken());
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("sun-auditor");

        await session.Page.Locator("main table tbody tr").First.WaitForAsync();
        await session.Page.GetByLabel("人员标识").FillAsync(key);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Cell, new() { Name = "person.read" }).First.WaitForAsync();
        var html = await session.PageContentAsync();
        Assert.Contains("person.read", html, StringComparison.Ordinal);
        Assert.DoesNotContain("王建华", html, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Population.People.Take(300), p => html.Contains(p.Name, StringComparison.Ordinal) && p.Name.Length > 1);
        await session.ScreenshotAsync("auditor-events");
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Auditor_reports_who_looked_at_a_person()
    {
        var key = await fixture.KeyOfAsync(ConsoleFixture.Jianhua);
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("sun-auditor");

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "查阅记录报告" }).ClickAsync();

        // The events page the auditor lands on has a person key field too: the report's form is filled once it is shown.
        var generate = session.Page.GetByRole(AriaRole.Button, new() { Name = "生成报告" });
        await generate.WaitForAsync();
        await session.Page.GetByLabel("人员标识").FillAsync(key);
        await generate.ClickAsync();
        await session.Page.GetByRole(AriaRole.Cell, new() { Name = "wang-street-officer" }).First.WaitForAsync();

        Assert.DoesNotContain("王建华", await session.PageContentAsync(), StringComparison.Ordinal);
        await session.ScreenshotAsync("auditor-person-accesses");
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Auditor_sees_a_break_glass_alert()
    {
        var key = await fixture.KeyOfAsync(ConsoleFixture.Jianguo);
        await fixture.Hub.PostAsync($"/api/persons/{key}/break-glass", new { reason = "独居老人家中无人应答" }, ConsoleFixture.StreetOfficerToken());
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("sun-auditor");

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "告警" }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Cell, new() { Name = "紧急授权" }).First.WaitForAsync();

        await session.ScreenshotAsync("auditor-alerts");
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Auditor_checks_the_integrity_of_today_and_is_told_it_is_intact()
    {
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("sun-auditor");

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "完整性校验" }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "开始校验" }).ClickAsync();
        var result = session.Page.Locator("[data-intact]");
        await result.WaitForAsync();

        Assert.Equal("true", await result.GetAttributeAsync("data-intact"));
        await session.ScreenshotAsync("auditor-integrity");
        await session.AssertAccessibleAsync();
    }
}
