using System.Net;
using System.Text.Json.Nodes;

namespace Hub.Cli.Tests;

public sealed class PushDeliveryCommandTests
{
    private const string Subscription = "0123456789abcdef0123456789";

    [Fact]
    public async Task Create_with_an_endpoint_sends_it_and_prints_the_signing_secret_the_hub_gave_once()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.Created,
            "{\"id\":\"" + Subscription + "\",\"start\":\"7\",\"endpoint\":\"https://receiver.example.gov.cn/hub\",\"secret\":\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}"));

        var run = await Cli.RunAsync(hub, "subscriptions", "create", "--endpoint", "https://receiver.example.gov.cn/hub");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var (_, body) = Assert.Single(hub.Requests);
        Assert.Equal("https://receiver.example.gov.cn/hub", (string?)JsonNode.Parse(body)!["endpoint"]);
        Assert.Contains("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delivery_prints_where_delivery_stands_and_each_dead_letter()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.OK, """
            {"endpoint":"https://receiver.example.gov.cn/hub","cursor":"40","attempts":3,"retryAt":"2026-12-06T03:10:00+00:00","lastFailure":"the endpoint answered 503",
             "lastDeliveredAt":null,"deadLetters":[{"subscription":"0123456789abcdef0123456789","id":"000000000000012","first":"12","last":"19","events":8,"attempts":8,
             "reason":"no answer within 10 s","parkedAt":"2026-12-05T22:00:00+00:00","redriveRequestedAt":null}]}
            """));

        var run = await Cli.RunAsync(hub, "subscriptions", "delivery", Subscription);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Equal($"/api/subscriptions/{Subscription}/delivery", Assert.Single(hub.Requests).Request.RequestUri!.AbsolutePath);
        Assert.Contains("next event at cursor 40, last taken never", run.Output, StringComparison.Ordinal);
        Assert.Contains("Failing: 3 attempt(s), the endpoint answered 503", run.Output, StringComparison.Ordinal);
        Assert.Contains("000000000000012", run.Output, StringComparison.Ordinal);
        Assert.Contains("12-19", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redrive_posts_for_the_letter_and_a_missing_letter_is_the_hubs_reason()
    {
        var hub = new StubHub((_, _) => StubHub.Json(HttpStatusCode.NotFound, "{\"title\":\"No such dead letter\",\"detail\":\"The subscription has no parked delivery of this id.\"}"));

        var run = await Cli.RunAsync(hub, "subscriptions", "redrive", Subscription, "000000000000012");

        var (request, _) = Assert.Single(hub.Requests);
        Assert.Equal((HttpMethod.Post, $"/api/subscriptions/{Subscription}/dead-letters/000000000000012/redrive"), (request.Method, request.RequestUri!.AbsolutePath));
        Assert.Equal(ExitCodes.HubError, run.ExitCode);
        Assert.Contains("404 No such dead letter", run.Error, StringComparison.Ordinal);
    }
}
