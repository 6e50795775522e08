using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Hub.Core.Access;

namespace Hub.Browser.Tests;

/// <summary>
/// The Hub as a real process in Development on a loopback port, over the Azurite that eng/test.sh started
/// (HUB_TEST_STORAGE), with its own name prefix so it shares the emulator with other test runs.
/// </summary>
public sealed class HubUnderTest : IAsyncDisposable
{
    private readonly Process _process;

    private HubUnderTest(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public static async Task<HubUnderTest> StartAsync(string connectionString, string prefix)
    {
        var port = FreePort();
        var dll = HubAssembly();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Hub__Storage__ConnectionString"] = connectionString;
        start.Environment["Hub__Storage__NamePrefix"] = prefix;

        // The tests sign in and click through many pages in a few seconds; the per-user limit is not under test here.
        start.Environment["Hub__RateLimits__TokenLimit"] = "10000";
        start.Environment["Hub__RateLimits__TokensPerPeriod"] = "10000";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The Hub process did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var hub = new HubUnderTest(process, new Uri($"http://127.0.0.1:{port}"));
        await hub.WaitUntilHealthyAsync();
        return hub;
    }

    /// <summary>Pushes a feed as the source's publisher and waits until its batch has finished.</summary>
    public async Task<JsonObject> PushAsync(string source, byte[] payload, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/feeds/{source}", UriKind.Relative)) { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Mint($"{source}-client", [HubRoles.FeedPublisher(source)]));
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var location = response.Headers.Location ?? throw new InvalidOperationException("No batch location.");
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var report = await GetAsync<JsonObject>(location.ToString(), DevelopmentTokens.Mint($"{source}-client", [HubRoles.FeedPublisher(source)]));
            if ((string?)report["status"] is "completed" or "failed")
            {
                return report;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The {source} batch did not finish.");
    }

    public async Task<T> GetAsync<T>(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.RelativeOrAbsolute));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public async Task<JsonObject> PostAsync(string path, object body, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Hub process exited with code {_process.ExitCode} during start-up.");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri("/api/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The Hub process did not become healthy within 60 seconds.");
    }

    private static string HubAssembly()
    {
        // The Hub build of the same configuration (bin/Debug or bin/Release) as this test assembly.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepositoryRoot.Path, "functions", "Hub.Functions", "bin", configuration, "net10.0", "Hub.Functions.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the Hub before running the browser tests.", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
