using System.Text;

namespace Hub.Functions.Tests.Hardening;

/// <summary>One generated request: who sends it, where, with which query, headers and body.</summary>
internal sealed record MalformedRequest(string Caller, string Method, string Path, string? ContentType, byte[]? Body, string? ContentEncoding)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(Path, UriKind.Relative));
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }

            if (ContentEncoding is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Encoding", ContentEncoding);
            }
        }

        return message;
    }

    // Bodies are summarised, never printed whole: a failing case must stay readable in the test output.
    public override string ToString() =>
        $"{Caller}: {Method} {Path} [{ContentType ?? "no type"}{(ContentEncoding is null ? string.Empty : ", " + ContentEncoding)}] " +
        (Body is null ? "no body" : $"{Body.Length} bytes: {Preview(Body)}");

    private static string Preview(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 80));
        return text.Length < 80 ? text : text + "…";
    }
}
