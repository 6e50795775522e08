using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Hub.Core.Exchange;

/// <summary>
/// Posts one signed delivery to a subscriber's endpoint and says what became of it. It never throws for the endpoint's
/// failures (those are the delivery's outcome, retried by its caller) and never follows a redirect, which could carry
/// personal data to another host.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<PushDeliveryOptions> options, TimeProvider time)
{
    /// <summary>The media type of a CloudEvents batch in JSON.</summary>
    public const string BatchMediaType = "application/cloudevents-batch+json";

    /// <summary>The name of the HTTP client deliveries use.</summary>
    public const string ClientName = "push";

    /// <summary>Sends <paramref name="body"/> (a CloudEvents batch) signed with the subscription's secret.</summary>
    public async Task<WebhookOutcome> SendAsync(Uri endpoint, WebhookSecret secret, string deliveryId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ReadOnlyMemoryContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(BatchMediaType) { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.IdHeader, deliveryId);
        request.Headers.Add(WebhookSignature.TimestampHeader, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, deliveryId, now, body.Span));

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.Timeout);
        try
        {
            // A client from the factory per delivery: pooled connections, and a DNS change of the endpoint is seen.
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? WebhookOutcome.Accepted(status) : WebhookOutcome.Refused(status);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return WebhookOutcome.Unanswered($"no answer within {options.Value.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            // The error kind, not the message: a message may quote the endpoint's own words.
            return WebhookOutcome.Unanswered($"the request failed: {ex.HttpRequestError}");
        }
    }
}
