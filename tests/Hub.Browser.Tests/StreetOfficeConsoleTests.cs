using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hub.Browser.Tests;

/// <summary>Grid, community and street workers: their residents, a person and household as the policy renders them, break-glass, claims.</summary>
[Collection(ConsoleFixture.Collection)]
public sealed partial class StreetOfficeConsoleTests(ConsoleFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Grid_worker_sees_the_residents_of_their_grid_and_a_person_without_id_number_or_higher_fields()
    {
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("zhao-grid-worker");

        var rows = session.Page.Locator("main table tbody tr");
        await rows.First.WaitForAsync();
        Assert.True(await rows.CountAsync() > 0);
        Assert.All(await session.Page.Locator("main table tbody tr td:nth-child(4)").AllInnerTextsAsync(), grid => Assert.Equal("第八网格 G08", grid));
        await session.ScreenshotAsync("grid-worker-residents");
        await session.AssertAccessibleAsync();

        await session.Page.Locator("a[href^='#/person/']").First.ClickAsync();
        await session.Page.GetByRole(AriaRole.Heading, new() { Name = "基本信息" }).WaitForAsync();
        var html = await session.PageContentAsync();
        Assert.DoesNotContain("身份证号码", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(EighteenDigitId(), html);
        Assert.DoesNotContain(fixture.Population.People, p => html.Contains(p.ResidentId.Value, StringComparison.Ordinal));
        Assert.DoesNotContain("严重精神障碍", html, StringComparison.Ordinal);
        await session.ScreenshotAsync("grid-worker-person");
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Grid_worker_breaks_the_glass_with_a_reason_and_the_page_says_so()
    {
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("zhao-grid-worker");

        // The last resident, so the first one's page keeps showing the plain grid-worker view.
        await session.Page.Locator("a[href^='#/person/']").Last.ClickAsync();
        await session.Page.GetByLabel("紧急情况说明").FillAsync("楼内火警，需联系家属");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "申请紧急授权" }).ClickAsync();

        await session.Page.GetByText("紧急授权查看中").WaitForAsync();
        await session.ScreenshotAsync("grid-worker-break-glass");
    }

    [Fact]
    public async Task Community_worker_chooses_a_purpose_and_opens_a_household()
    {
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("li-community-worker");
        var key = await fixture.KeyOfAsync(ConsoleFixture.Jianguo);

        await session.Page.GotoAsync($"/api/console/#/household/{key}");
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "王建华" }).WaitForAsync();
        Assert.Equal(2, await session.Page.Locator("main section.card").CountAsync());
        await session.Page.GetByRole(AriaRole.Combobox, new() { Name = "查询事由" }).SelectOptionAsync("home-visit");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "按此事由查看" }).ClickAsync();
        await session.Page.GetByText("朝阳区幸福里9001号").First.WaitForAsync();

        await session.ScreenshotAsync("community-worker-household");
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Community_worker_verifies_a_dibao_claim_without_seeing_anything_else()
    {
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("li-community-worker");

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "资格核验" }).ClickAsync();
        await session.Page.GetByLabel("身份证号码").FillAsync(ConsoleFixture.Jianhua);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "核验", Exact = true }).ClickAsync();

        var answer = session.Page.Locator("[data-answer]");
        await answer.WaitForAsync();
        Assert.Equal("true", await answer.GetAttributeAsync("data-answer"));
        Assert.Contains("民政", await session.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("王建华", await session.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(ConsoleFixture.Jianhua, session.Page.Url, StringComparison.Ordinal);
        await session.ScreenshotAsync("community-worker-verification");
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Street_officer_finds_a_person_by_id_number_that_stays_out_of_the_address()
    {
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("wang-street-officer");
        var key = await fixture.KeyOfAsync(ConsoleFixture.Jianhua);

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "按身份证号查找" }).ClickAsync();
        await session.Page.GetByLabel("身份证号码").FillAsync(ConsoleFixture.Jianhua);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "查找", Exact = true }).ClickAsync();

        await session.Page.GetByRole(AriaRole.Heading, new() { Name = "王建华" }).WaitForAsync();
        Assert.Equal($"#/person/{key}", await session.Page.GetByRole(AriaRole.Link, new() { Name = "打开人员页面" }).GetAttributeAsync("href"));
        Assert.DoesNotContain(ConsoleFixture.Jianhua, session.Page.Url, StringComparison.Ordinal);
        await session.ScreenshotAsync("street-officer-lookup");
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Street_officer_downloads_a_residents_printable_report_and_files_a_correction_for_the_owning_department()
    {
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("wang-street-officer");
        var key = await fixture.KeyOfAsync(ConsoleFixture.Jianhua);
        await session.Page.GotoAsync($"{session.Page.Url.Split('#')[0]}#/person/{key}");
        await session.Page.GetByRole(AriaRole.Heading, new() { Name = "个人信息查阅与更正" }).WaitForAsync();

        var download = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.GetByRole(AriaRole.Button, new() { Name = "下载个人信息报告（可打印）" }).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var report = await File.ReadAllTextAsync(path);
        File.Delete(path);
        Assert.EndsWith(".html", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Contains("个人信息查阅报告", report, StringComparison.Ordinal);
        Assert.Contains("王建华", report, StringComparison.Ordinal);
        Assert.Contains(ConsoleFixture.Jianhua, report, StringComparison.Ordinal);

        await session.Page.GetByLabel("需更正的信息项").SelectOptionAsync("name");
        await session.Page.GetByLabel("正确的内容").FillAsync("王建樺");
        await session.Page.GetByLabel("申请理由（如居民出示的证明材料）").FillAsync("居民出示户口簿，姓名用字不同");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "提交，转来源部门处理" }).ClickAsync();

        await session.Page.GetByText("转交公安核实处理").WaitForAsync();
        Assert.DoesNotContain(ConsoleFixture.Jianhua, session.Page.Url, StringComparison.Ordinal);
        await session.ScreenshotAsync("street-officer-subject-report");
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Street_officer_filters_residents_by_group_and_reads_in_English_on_a_tablet()
    {
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("wang-street-officer", width: 768, height: 1024);

        await session.Page.GetByLabel("群体类别").SelectOptionAsync("dibao");
        await session.Page.GetByLabel("查询事由").SelectOptionAsync("benefit-review");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await session.Page.Locator("main [aria-busy='false'] table tbody tr").First.WaitForAsync();
        Assert.All(await session.Page.Locator("main table tbody tr td:nth-child(6)").AllInnerTextsAsync(), groups => Assert.Contains("城乡低保", groups, StringComparison.Ordinal));

        await session.Page.Locator("#lang").SelectOptionAsync("en");
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Residents" }).WaitForAsync();
        Assert.Equal("en", await session.Page.Locator("html").GetAttributeAsync("lang"));
        await session.ScreenshotAsync("street-officer-residents-tablet-en");
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Street_officer_lists_the_deceased_with_the_date_and_their_page_says_so_first()
    {
        await using var session = new ConsoleSession(fixture, output);
        await session.SignInAsync("wang-street-officer");
        await session.Page.Locator("main [aria-busy='false'] table tbody tr").First.WaitForAsync();
        // By default the list is of the residents still there: active, or with no status the register states.
        Assert.All(await session.Page.Locator("main table tbody tr td:nth-child(2)").AllInnerTextsAsync(), status => Assert.Contains(status, new[] { "正常", string.Empty }));

        await session.Page.GetByLabel("人员状态").SelectOptionAsync("deceased");
        await session.Page.GetByLabel("查询事由").SelectOptionAsync("benefit-review");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        var row = session.Page.Locator("main [aria-busy='false'] table tbody tr", new() { HasText = "王建民" });
        await row.WaitForAsync();
        Assert.All(await session.Page.Locator("main table tbody tr td:nth-child(2)").AllInnerTextsAsync(), status => Assert.StartsWith("死亡", status, StringComparison.Ordinal));
        Assert.Equal("死亡 2025-05-12", await row.Locator("td:nth-child(2)").InnerTextAsync());
        await session.ScreenshotAsync("street-officer-deceased");
        await session.AssertAccessibleAsync();

        await row.GetByRole(AriaRole.Link, new() { Name = "王建民" }).ClickAsync();
        await session.Page.GetByText("已死亡：2025-05-12").WaitForAsync();
        Assert.Equal(1, await session.Page.GetByRole(AriaRole.Cell, new() { Name = "否（本人已死亡）" }).CountAsync());
        await session.ScreenshotAsync("street-officer-deceased-person");
        await session.AssertAccessibleAsync();
    }

    [GeneratedRegex(@"\b\d{17}[\dXx]\b")]
    private static partial Regex EighteenDigitId();
}
