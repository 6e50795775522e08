using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Hub.Core.Access;
using Hub.Core.Exchange;
using Hub.Core.Feeds.Batches;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;
using static Hub.Functions.Tests.Persons.PersonsHub;

namespace Hub.Functions.Tests.Subscriptions;

/// <summary>The Hub process killed while its endpoint holds a delivery: the next process sends it again, with the same ids.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class PushRestartTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static readonly Dictionary<string, string> Settings = new()
    {
        // A message whose worker died reappears after this long (in Azure: the queue's 10-minute default).
        ["Hub:Triggers:VisibilityTimeout"] = "00:00:04",
        ["Hub:Push:Timeout"] = "00:00:40",
        ["Hub:Push:SweepSchedule"] = "0 0 0 1 1 *",
        // The test watches the delivery state for a minute or two; the officer's ordinary allowance would run out.
        ["Hub:RateLimits:TokenLimit"] = "1000",
        ["Hub:RateLimits:TokensPerPeriod"] = "1000",
    };

    [Fact]
    public async Task A_hub_killed_during_a_delivery_loses_nothing_and_sends_it_again_only_with_the_same_ids()
    {
        var prefix = AzuriteFixture.UniquePrefix();
        await using var receiver = new WebhookReceiver(204) { Delay = TimeSpan.FromSeconds(30) };
        string subscription;

        await using (var first = await HubProcess.StartAsync(azurite.ConnectionString, prefix, Settings))
        {
            await PushPoliceAsync(first.Address, "snapshot", "正常", null);
            subscription = await SubscribeAsync(first.Address, receiver.Endpoint);
            await PushPoliceAsync(first.Address, "delta", "死亡", "2026-11-01");
            await WaitForAsync(() => Task.FromResult(receiver.Received.IsEmpty ? (bool?)null : true));
            first.Kill();
        }

        receiver.Delay = TimeSpan.Zero;
        await using var second = await HubProcess.StartAsync(azurite.ConnectionString, prefix, Settings);
        using var officer = Officer(second.Address);
        var pulled = await officer.GetFromJsonAsync<JsonNode>(new Uri($"/api/subscriptions/{subscription}/events?limit=500", UriKind.Relative));
        var end = (string)pulled!["next"]!;
        await WaitForAsync(async () => (string?)(await officer.GetFromJsonAsync<JsonNode>(new Uri($"/api/subscriptions/{subscription}/delivery", UriKind.Relative)))!["cursor"] == end ? true : (bool?)null);

        var deliveries = receiver.Received.ToList();
        var pulledIds = pulled["events"]!.AsArray().Select(e => (string)e!["id"]!).ToList();
        Assert.NotEmpty(pulledIds);
        Assert.True(deliveries.Count >= 2, $"{deliveries.Count} deliveries: the one the killed process held should have been sent again");
        Assert.Single(deliveries.Select(d => d.Headers[WebhookSignature.IdHeader]).Distinct());
        Assert.All(deliveries, d => Assert.Equal(pulledIds, JsonNode.Parse(d.Body)!.AsArray().Select(e => (string)e!["id"]!).ToList()));
    }

    private static async Task PushPoliceAsync(Uri hub, string mode, string status, string? died)
    {
        var police = new StringBuilder("公民身份号码,姓名,性别,户号,与户主关系,户籍地址,户籍地区划代码,居住登记类型,居住地区划代码,网格编号,人员状态,死亡日期\r\n");
        for (var index = 1; index <= 3; index++)
        {
            police.Append(CultureInfo.InvariantCulture, $"{Id(index)},居民{index},男,H{index},户主,朝阳区幸福里{index}号,{CommunityA1},户籍,{CommunityA1},G01,{status},{died}\r\n");
        }

        using var client = new HttpClient { BaseAddress = hub };
        client.DefaultRequestHeaders.Authorization = new("Bearer", DevelopmentTokens.Mint("police-client", [HubRoles.FeedPublisher("police")]));
        var report = await client.PushAndWaitAsync("police", Encoding.UTF8.GetBytes(police.ToString()), "text/csv", mode);
        Assert.Equal(BatchStatus.Completed, report.Status);
    }

    private static async Task<string> SubscribeAsync(Uri hub, Uri endpoint)
    {
        using var officer = Officer(hub);
        using var response = await officer.PostAsJsonAsync(new Uri("/api/subscriptions", UriKind.Relative), new { endpoint = endpoint.AbsoluteUri });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonNode>())!["id"]!;
    }

    private static HttpClient Officer(Uri hub)
    {
        var client = new HttpClient { BaseAddress = hub };
        client.DefaultRequestHeaders.Authorization = new("Bearer", DevelopmentTokens.MintPersonal("street-officer", [HubRoles.StreetOfficer], StreetA));
        return client;
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Nothing came within {Patience.TotalSeconds} s.");
    }
}
