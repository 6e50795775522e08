using System.Text;
using Azure.Data.Tables;
using Hub.Core.Access;
using Hub.Samples;
using Hub.Tests.Shared;
using Microsoft.Playwright;

namespace Hub.Browser.Tests;

/// <summary>
/// One Hub, one data set and one browser for every browser test: the Hub runs in Development over the Azurite of
/// eng/test.sh, loaded with the sample feeds of `eng/run.sh` (pushed through the API) plus twin brothers whose
/// unidentified record waits for a steward, and more such pairs (<see cref="QueueSeed"/>) so the queue has pages.
/// Debian's chromium is driven headless; when it is missing the tests fail with the reason, they never skip.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string Collection = "Console";

    public const string Chromium = "/usr/bin/chromium";

    /// <summary>The sample identities' community and grid (see SampleIdentities in the Hub).</summary>
    public const string Community = "110105003008";

    public static readonly string Jianguo = Id("11010519900303011");

    public static readonly string Jianhua = Id("11010519900303031");

    /// <summary>A 低保 recipient of the sample community whose death the police register reports; civil affairs still pays.</summary>
    public static readonly string Jianmin = Id("11010519450505011");

    private IPlaywright? _playwright;

    public HubUnderTest Hub { get; private set; } = null!;

    /// <summary>The emulator's connection string and the Hub's name prefix: a second Hub over the same data uses them.</summary>
    public string Storage { get; private set; } = string.Empty;

    public string Prefix { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    public Population Population { get; } = new PopulationGenerator(new PopulationOptions()).Generate();

    /// <summary>Where screenshots go: a git-ignored folder of the repository.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot.Path, "artifacts", "browser-screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is not installed. eng/test.sh installs Debian's chromium and fonts-noto-cjk (apt-get); run the tests through it.");
        }

        var storage = Environment.GetEnvironmentVariable("HUB_TEST_STORAGE") is { Length: > 0 } configured ? configured : "UseDevelopmentStorage=true";
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await new TableServiceClient(storage).GetPropertiesAsync(timeout.Token);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException("Azurite is not reachable. Run the tests with eng/test.sh, or set HUB_TEST_STORAGE to a storage connection string.", ex);
        }

        Storage = storage;
        Prefix = $"b{Environment.ProcessId % 100000}x";
        Hub = await HubUnderTest.StartAsync(storage, Prefix);
        await SeedAsync();
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Hub is not null)
        {
            await Hub.DisposeAsync();
        }
    }

    /// <summary>A street officer's token of the sample identities' street, to look things up for a test's arrangement.</summary>
    public static string StreetOfficerToken() => DevelopmentTokens.MintPersonal("wang-street-officer", [HubRoles.StreetOfficer], "110105003000");

    /// <summary>The person key of an ID number, asked of the Hub (the key's pepper is the Hub's).</summary>
    public async Task<string> KeyOfAsync(string residentId) =>
        (string)(await Hub.PostAsync("/api/persons/lookup", new { residentId }, StreetOfficerToken()))["personKey"]!;

    /// <summary>The civil-affairs snapshot the seed leaves held.</summary>
    public string HeldBatchId { get; private set; } = string.Empty;

    private async Task SeedAsync()
    {
        var folder = Directory.CreateTempSubdirectory("hub-browser-samples");
        try
        {
            // The police delta (deaths the register's snapshot predates) goes after the four feeds, as eng/run.sh pushes it.
            var delta = await SampleSet.WritePoliceDeltaAsync(Population, folder.FullName);
            foreach (var file in (await SampleSet.WriteAsync(Population, folder.FullName)).Append(delta))
            {
                var type = file.Format switch
                {
                    SampleFileFormat.CsvGb18030 => "text/csv; charset=gb18030",
                    SampleFileFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    SampleFileFormat.Ndjson => "application/x-ndjson",
                    SampleFileFormat.Json => "application/json",
                    _ => "text/csv",
                };
                var report = await Hub.PushAsync(file.Feed.Source.Id, await File.ReadAllBytesAsync(file.Path), type);
                if ((string?)report["status"] != "completed")
                {
                    throw new InvalidOperationException($"The sample feed {file.Feed.Source.Id} did not complete: {report}");
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        // Twins in the sample community and grid; a 低保 record without an ID that could be either waits for a steward,
        // and a 低保 record of the second twin makes a claim to verify.
        await Hub.PushAsync("police", Utf8(
            "公民身份号码,姓名,性别,户号,与户主关系,户籍地址,户籍地区划代码,居住登记类型,居住地区划代码,人员状态\r\n" +
            $"{Jianguo},王建国,男,9001,户主,朝阳区幸福里9001号,{Community},户籍,{Community},正常\r\n" +
            $"{Jianhua},王建华,男,9001,子,朝阳区幸福里9001号,{Community},户籍,{Community},正常\r\n"), "text/csv");
        await Hub.PushAsync("civil-affairs", Utf8(
            "身份证号码,姓名,性别,出生日期,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格,联系电话\r\n" +
            $",王建国,男,1990-03-03,城市低保,1250,2024/3/1,{Community},G08,\r\n"), "text/csv");
        await Hub.PushAsync("civil-affairs", Utf8(
            "身份证号码,姓名,性别,出生日期,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格,联系电话\r\n" +
            $"{Jianhua},王建华,男,1990-03-03,城市低保,1300,2024/3/1,{Community},G08,13800138000\r\n"), "text/csv");

        // A recipient whose death the register reports while civil affairs still pays.
        await Hub.PushAsync("police", Utf8(
            "公民身份号码,姓名,性别,户号,与户主关系,户籍地址,户籍地区划代码,居住登记类型,居住地区划代码,网格编号,人员状态,死亡日期\r\n" +
            $"{Jianmin},王建民,男,9002,户主,朝阳区幸福里9002号,{Community},户籍,{Community},G08,死亡,2025-05-12\r\n"), "text/csv");
        await Hub.PushAsync("civil-affairs", Utf8(
            "身份证号码,姓名,性别,出生日期,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格\r\n" +
            $"{Jianmin},王建民,男,1945-05-05,城市低保,1300,2020/3/1,{Community},G08\r\n"), "text/csv");

        // More possible matches like theirs in another street: the steward's queue has pages.
        await Hub.PushAsync("police", QueueSeed.Police(), "text/csv");
        await Hub.PushAsync("civil-affairs", QueueSeed.CivilAffairs(), "text/csv");

        // An export of the civil-affairs register that broke off after its header: the Hub holds it, applying nothing,
        // for the department's officer to decide about.
        var held = await Hub.PushAsync("civil-affairs", Utf8("身份证号码,姓名,性别,救助类型,救助金额(元),享受起始日期,居住地区划代码,网格\r\n"), "text/csv", "snapshot");
        HeldBatchId = (string)held["status"]! == "held" ? (string)held["id"]! : throw new InvalidOperationException($"The broken snapshot was not held: {held}");
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Id(string body) => IdNumbers.Complete(body);
}
