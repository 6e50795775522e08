using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;

namespace Hub.Functions.Tests.Hardening;

/// <summary>
/// A body shorter than its <c>Content-Length</c>, on a real server (the in-process test server cannot send one): the
/// client that keeps the connection open is answered 408 once the server stops waiting, as a problem; the one that
/// gives up (closes its side) is gone before any answer. Both requests are audited as failed; neither is a 500.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class TruncatedBodyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private HubProcess? _hub;

    public async Task InitializeAsync() => _hub = await HubProcess.StartAsync(azurite.ConnectionString, AzuriteFixture.UniquePrefix(), new Dictionary<string, string>());

    public async Task DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(true, 499)]
    [InlineData(false, 408)]
    public async Task A_body_shorter_than_its_length_is_answered_as_far_as_the_client_listens_and_audited(bool clientGivesUp, int status)
    {
        var subject = $"officer-{status}";
        var token = DevelopmentTokens.MintPersonal(subject, [HubRoles.StreetOfficer], "110105001000");
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_hub!.Address.Host, _hub.Address.Port);
        var stream = tcp.GetStream();
        var head = $"POST /api/persons/lookup HTTP/1.1\r\nHost: {_hub.Address.Authority}\r\nAuthorization: Bearer {token}\r\n" +
            "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"residentId\": \"1101";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        if (clientGivesUp)
        {
            tcp.Client.Shutdown(SocketShutdown.Send);
        }

        var answer = await ReadAnswerAsync(stream);

        if (clientGivesUp)
        {
            Assert.DoesNotContain("HTTP/1.1 5", answer, StringComparison.Ordinal);
        }
        else
        {
            Assert.StartsWith($"HTTP/1.1 {status} ", answer, StringComparison.Ordinal);
            Assert.Contains("application/problem+json", answer, StringComparison.Ordinal);
        }

        var recorded = Assert.Single(await EventsOfAsync(subject));
        Assert.Equal("failed", (string?)recorded!["outcome"]);
        Assert.Equal("person.read", (string?)recorded["action"]);
    }

    [Fact]
    public async Task Values_sent_in_unreadable_requests_reach_neither_the_log_nor_the_console_of_a_real_process()
    {
        var id = TestPeople.Id(4242);
        using var officer = new HttpClient { BaseAddress = _hub!.Address };
        officer.DefaultRequestHeaders.Authorization = new("Bearer", DevelopmentTokens.MintPersonal("officer-x", [HubRoles.StreetOfficer], "110105001000"));

        using var query = await officer.GetAsync(new Uri($"/api/residents?pageSize={id}", UriKind.Relative));
        using var body = await officer.PostAsync(new Uri("/api/persons/lookup", UriKind.Relative), new StringContent($"{{\"{id}\": 1, \"residentId\": {id[..17]}}}", Encoding.UTF8, "application/json"));
        using var path = await officer.GetAsync(new Uri($"/api/persons/{id}", UriKind.Relative));

        Assert.Equal([400, 400, 400], new[] { query, body, path }.Select(r => (int)r.StatusCode));
        await Task.Delay(500);
        Assert.DoesNotContain(_hub.Output, line => line.Contains(id[..14], StringComparison.Ordinal));
    }

    private static async Task<string> ReadAnswerAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[8192];
        var text = new StringBuilder();
        while (!text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return text.ToString();
    }

    // A client that gave up does not wait for the server to finish: its event may still be on its way.
    private async Task<JsonArray> EventsOfAsync(string subject)
    {
        using var auditor = new HttpClient { BaseAddress = _hub!.Address };
        auditor.DefaultRequestHeaders.Authorization = new("Bearer", DevelopmentTokens.MintPersonal("auditor-1", [HubRoles.Auditor], "110100000000"));
        var range = $"from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}";
        for (var attempt = 0; ; attempt++)
        {
            var events = (await auditor.GetFromJsonAsync<JsonObject>($"/api/audit/events?{range}&user={subject}"))!["events"]!.AsArray();
            if (events.Count > 0 || attempt == 50)
            {
                return events;
            }

            await Task.Delay(200);
        }
    }
}
