using System.CommandLine;
using Hub.Core.Access;

namespace Hub.Cli;

/// <summary>The options every command that talks to the Hub takes: where it is and which token to send.</summary>
internal sealed class HubConnectionOptions
{
    public const string DefaultHub = "http://127.0.0.1:7071";

    public Option<Uri> Hub { get; } = new("--hub")
    {
        Description = $"The Hub's base address (default: HUB_URL, else {DefaultHub})",
        HelpName = "url",
        DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable("HUB_URL") ?? DefaultHub),
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : DefaultHub;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }

            result.AddError($"--hub must be an absolute http or https address, e.g. {DefaultHub}.");
            return null;
        },
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "Bearer token (default: HUB_TOKEN, else a development token minted for the command)",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Hub);
        command.Options.Add(Token);
    }

    /// <summary>A client for <paramref name="source"/>'s feeds; mints a development token when none is given.</summary>
    public async Task<HubClient> ConnectAsync(ParseResult parsed, string source, CliContext context)
    {
        var token = GivenToken(parsed);
        if (token is null)
        {
            token = DevelopmentTokens.Mint($"{source}-client", [HubRoles.FeedPublisher(source)], now: context.Time.GetUtcNow());
            await context.Error.WriteLineAsync($"No --token or HUB_TOKEN: using a development token for source '{source}' (a Hub accepts it only in Development).").ConfigureAwait(false);
        }

        return Connect(parsed, token, context);
    }

    /// <summary>
    /// A client acting as a person in <paramref name="role"/> placed at <paramref name="division"/> (an auditor, say);
    /// mints a development token for them when none is given.
    /// </summary>
    /// <exception cref="ArgumentException">The Hub would not accept such a person (the role needs another division level).</exception>
    public async Task<HubClient> ConnectAsync(ParseResult parsed, string role, string division, CliContext context, string? department = null)
    {
        var token = GivenToken(parsed);
        if (token is null)
        {
            token = DevelopmentTokens.MintPersonal("hub-cli", [role], division, department: department, now: context.Time.GetUtcNow());
            await context.Error.WriteLineAsync($"No --token or HUB_TOKEN: using a development token for a {role} at {division} (a Hub accepts it only in Development).").ConfigureAwait(false);
        }

        return Connect(parsed, token, context);
    }

    private string? GivenToken(ParseResult parsed)
    {
        var token = parsed.GetValue(Token) ?? Environment.GetEnvironmentVariable("HUB_TOKEN");
        return string.IsNullOrWhiteSpace(token) ? null : token;
    }

    private HubClient Connect(ParseResult parsed, string token, CliContext context)
    {
        var baseAddress = parsed.GetValue(Hub)!;
        var http = context.Handler is null
            ? new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) })
            : new HttpClient(context.Handler, disposeHandler: false);

        // Uploads of large feeds take as long as they take; the caller's cancellation token bounds them instead.
        http.Timeout = Timeout.InfiniteTimeSpan;
        http.BaseAddress = new Uri(baseAddress.AbsoluteUri.TrimEnd('/') + "/");
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("hub-cli/1.0");
        return new HubClient(http);
    }
}
