using System.Diagnostics.CodeAnalysis;

namespace Hub.Core.Exchange;

/// <summary>Checks a subscriber's push endpoint before anything is sent to it.</summary>
public static class PushEndpoint
{
    /// <summary>The longest endpoint accepted.</summary>
    public const int MaxLength = 2048;

    /// <summary>
    /// Reads an endpoint: an absolute <c>https</c> URI without user information or fragment (or <c>http</c> on the
    /// loopback address when <paramref name="allowLoopbackHttp"/>). <paramref name="error"/> says what is wrong, without
    /// repeating the value.
    /// </summary>
    public static bool TryParse(string? text, bool allowLoopbackHttp, [NotNullWhen(true)] out Uri? endpoint, [NotNullWhen(false)] out string? error)
    {
        endpoint = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength || !Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            error = $"The endpoint is an absolute https URL of at most {MaxLength} characters.";
            return false;
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(allowLoopbackHttp && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            error = "The endpoint uses https: deliveries carry personal data.";
            return false;
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            error = "The endpoint carries no user name, password or fragment; the signature authenticates deliveries.";
            return false;
        }

        endpoint = uri;
        error = null;
        return true;
    }
}
