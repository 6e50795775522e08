using System.Text;
using Hub.Core.Exchange;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Core.Tests.Exchange;

public sealed class WebhookSenderTests : IAsyncDisposable
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""[{"specversion":"1.0","id":"e1","source":"/hub","type":"hub.test"}]""");
    private readonly ServiceProvider _services = Services();
    private readonly WebhookSecret _secret = WebhookSecret.Create();

    [Fact]
    public async Task A_delivery_arrives_signed_so_that_the_receiver_can_verify_it()
    {
        await using var receiver = new WebhookReceiver(204);

        var outcome = await Sender().SendAsync(receiver.Endpoint, _secret, "d-1", Body);

        Assert.Equal(WebhookOutcome.Accepted(204), outcome);
        var delivery = Assert.Single(receiver.Received);
        Assert.Equal(Body, delivery.Body);
        Assert.StartsWith(WebhookSender.BatchMediaType, delivery.ContentType, StringComparison.Ordinal);
        Assert.Equal("d-1", delivery.Headers[WebhookSignature.IdHeader]);
        Assert.True(WebhookSignature.Verify(
            _secret, "d-1", delivery.Headers[WebhookSignature.TimestampHeader], delivery.Headers[WebhookSignature.SignatureHeader], delivery.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1)));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(404)]
    [InlineData(302)]
    public async Task An_answer_other_than_2xx_is_a_failed_delivery_with_its_status(int status)
    {
        await using var receiver = new WebhookReceiver(status);

        var outcome = await Sender().SendAsync(receiver.Endpoint, _secret, "d-2", Body);

        Assert.False(outcome.Delivered);
        Assert.Equal(status, outcome.Status);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_that_does_not_answer_in_time_is_a_failed_delivery_not_an_exception()
    {
        await using var receiver = new WebhookReceiver(204) { Delay = TimeSpan.FromSeconds(5) };

        var outcome = await Sender(TimeSpan.FromSeconds(1)).SendAsync(receiver.Endpoint, _secret, "d-3", Body);

        Assert.Equal(WebhookOutcome.Unanswered("no answer within 1 s"), outcome);
    }

    [Fact]
    public async Task An_endpoint_nobody_listens_on_is_a_failed_delivery_not_an_exception()
    {
        Uri closed;
        await using (var receiver = new WebhookReceiver())
        {
            closed = receiver.Endpoint;
        }

        var outcome = await Sender().SendAsync(closed, _secret, "d-4", Body);

        Assert.False(outcome.Delivered);
        Assert.Null(outcome.Status);
        Assert.StartsWith("the request failed", outcome.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://receiver.example.gov.cn/hub/events", true, true)]
    [InlineData("http://127.0.0.1:8080/hooks", true, true)]
    [InlineData("http://127.0.0.1:8080/hooks", false, false)]
    [InlineData("http://receiver.example.gov.cn/hooks", true, false)]
    [InlineData("https://user:secret@receiver.example.gov.cn/hooks", true, false)]
    [InlineData("https://receiver.example.gov.cn/hooks#part", true, false)]
    [InlineData("/hooks", true, false)]
    [InlineData("ftp://receiver.example.gov.cn/hooks", true, false)]
    [InlineData("", true, false)]
    public void An_endpoint_is_https_or_loopback_http_where_allowed(string text, bool allowLoopbackHttp, bool accepted)
    {
        var ok = PushEndpoint.TryParse(text, allowLoopbackHttp, out var endpoint, out var error);

        Assert.Equal(accepted, ok);
        Assert.Equal(accepted, endpoint is not null);
        Assert.Equal(accepted, error is null);
        Assert.DoesNotContain("secret", error ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Retries_wait_four_times_longer_each_time_up_to_the_longest_wait_with_a_spread_of_at_most_a_fifth()
    {
        var options = new PushDeliveryOptions { FirstRetry = TimeSpan.FromSeconds(30), LongestRetry = TimeSpan.FromHours(1) };

        Assert.Equal(TimeSpan.FromSeconds(30), options.RetryDelay(2, 0));
        Assert.Equal(TimeSpan.FromSeconds(120), options.RetryDelay(3, 0));
        Assert.Equal(TimeSpan.FromSeconds(480), options.RetryDelay(4, 0));
        Assert.Equal(TimeSpan.FromHours(1), options.RetryDelay(9, 0));
        Assert.Equal(TimeSpan.FromSeconds(96), options.RetryDelay(3, 1));
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    // The client as the Hub registers it: no redirects followed.
    private static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddHttpClient(WebhookSender.ClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        return services.BuildServiceProvider();
    }

    private WebhookSender Sender(TimeSpan? timeout = null) =>
        new(_services.GetRequiredService<IHttpClientFactory>(), Options.Create(new PushDeliveryOptions { Timeout = timeout ?? TimeSpan.FromSeconds(10), AllowLoopbackHttp = true }), TimeProvider.System);
}
