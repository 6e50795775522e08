using System.Text;
using Hub.Core.Exchange;

namespace Hub.Core.Tests.Exchange;

public sealed class WebhookSignatureTests
{
    // The Standard Webhooks specification's published vector: a receiver's library for the scheme accepts what matches it.
    private const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string SpecId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const string SpecSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly DateTimeOffset SpecTime = DateTimeOffset.FromUnixTimeSeconds(1614265330);
    private static readonly byte[] SpecBody = Encoding.UTF8.GetBytes("""{"test": 2432232314}""");

    [Fact]
    public void A_signature_reproduces_the_published_standard_webhooks_vector()
    {
        Assert.True(WebhookSecret.TryParse(SpecSecret, out var secret));

        Assert.Equal(SpecSignature, WebhookSignature.Sign(secret, SpecId, SpecTime, SpecBody));
    }

    [Fact]
    public void Verification_accepts_the_vector_among_other_signatures_and_refuses_a_changed_body_id_or_secret()
    {
        Assert.True(WebhookSecret.TryParse(SpecSecret, out var secret));
        var timestamp = "1614265330";
        var tolerance = TimeSpan.FromMinutes(5);

        Assert.True(WebhookSignature.Verify(secret, SpecId, timestamp, "v1,bm9wZQ== " + SpecSignature, SpecBody, SpecTime, tolerance));
        Assert.False(WebhookSignature.Verify(secret, SpecId, timestamp, SpecSignature, Encoding.UTF8.GetBytes("""{"test": 2432232315}"""), SpecTime, tolerance));
        Assert.False(WebhookSignature.Verify(secret, "msg_other", timestamp, SpecSignature, SpecBody, SpecTime, tolerance));
        Assert.False(WebhookSignature.Verify(WebhookSecret.Create(), SpecId, timestamp, SpecSignature, SpecBody, SpecTime, tolerance));
        Assert.False(WebhookSignature.Verify(secret, SpecId, timestamp, "v2," + SpecSignature[3..], SpecBody, SpecTime, tolerance));
    }

    [Fact]
    public void A_delivery_replayed_after_the_tolerance_is_refused()
    {
        Assert.True(WebhookSecret.TryParse(SpecSecret, out var secret));

        Assert.True(WebhookSignature.Verify(secret, SpecId, "1614265330", SpecSignature, SpecBody, SpecTime.AddMinutes(4), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(secret, SpecId, "1614265330", SpecSignature, SpecBody, SpecTime.AddMinutes(6), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(secret, SpecId, "not-a-time", SpecSignature, SpecBody, SpecTime, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_c2hvcnQ=")]
    public void A_secret_that_is_not_whsec_and_base64_of_enough_bytes_is_refused(string? text)
    {
        Assert.False(WebhookSecret.TryParse(text, out _));
    }

    [Fact]
    public void A_created_secret_is_written_and_read_back_unchanged_and_secrets_differ()
    {
        var secret = WebhookSecret.Create();

        Assert.True(WebhookSecret.TryParse(secret.ToString(), out var read));
        Assert.Equal(secret.Key.ToArray(), read.Key.ToArray());
        Assert.NotEqual(secret.ToString(), WebhookSecret.Create().ToString());
    }
}
