using Hub.Functions.WebConsole;

namespace Hub.Deployment.Tests;

/// <summary>The console's content security policy lets the page reach the configured cloud's sign-in, and no other.</summary>
public sealed class ConsoleSignInOriginTests
{
    [Fact]
    public void In_Azure_China_the_console_may_talk_to_the_China_sign_in_endpoint_only()
    {
        var policy = ConsoleApi.ContentSecurityPolicy("https://login.chinacloudapi.cn/00000000-0000-0000-0000-000000000000/v2.0");

        Assert.Contains("connect-src 'self' https://login.chinacloudapi.cn;", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self' https://login.chinacloudapi.cn", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("microsoftonline", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void With_development_sign_in_the_console_talks_to_its_own_origin_only()
    {
        var policy = ConsoleApi.ContentSecurityPolicy(null);

        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        Assert.EndsWith("form-action 'self'", policy, StringComparison.Ordinal);
    }
}
