using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Tests.Shared;

namespace Hub.Browser.Tests;

/// <summary>
/// The Hub as a real process in Development on a loopback port, over the Azurite that eng/test.sh started
/// (HUB_TEST_STORAGE), with its own name prefix so it shares the emulator with other test runs.
/// </summary>
public sealed class HubUnderTest : IAsyncDisposable
{
    private readonly HubProcess _process;

    private HubUnderTest(HubProcess process)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = process.Address, Timeout = TimeSpan.FromMinutes(2) };
    }

    public Uri Address => _process.Address;

    public HttpClient Http { get; }

    /// <summary>The settings every Hub the browser tests start runs with.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        // The tests sign in and click through many pages in a few seconds; the per-user limit is not under test here.
        ["Hub:RateLimits:TokenLimit"] = "10000",
        ["Hub:RateLimits:TokensPerPeriod"] = "10000",
        // A push that fails is parked at once, so a dead letter to re-drive appears within a test, not after hours of retries.
        ["Hub:Push:Attempts"] = "1",
    };

    public static async Task<HubUnderTest> StartAsync(string connectionString, string prefix) =>
        new(await HubProcess.StartAsync(connectionString, prefix, Settings));

    /// <summary>Pushes a feed as the source's publisher and waits until its batch has settled (completed, failed or held).</summary>
    public async Task<JsonObject> PushAsync(string source, byte[] payload, string contentType, string mode = "delta")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/feeds/{source}?mode={mode}", UriKind.Relative)) { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Mint($"{source}-client", [HubRoles.FeedPublisher(source)]));
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var location = response.Headers.Location ?? throw new InvalidOperationException("No batch location.");
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var report = await GetAsync<JsonObject>(location.ToString(), DevelopmentTokens.Mint($"{source}-client", [HubRoles.FeedPublisher(source)]));
            if ((string?)report["status"] is "completed" or "failed" or "held" or "discarded")
            {
                return report;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The {source} batch did not settle.");
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

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
    }
}
