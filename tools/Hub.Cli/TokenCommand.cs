using System.CommandLine;
using System.Globalization;
using Hub.Core.Access;
using Hub.Core.Kernel;

namespace Hub.Cli;

/// <summary><c>hub token</c>: prints a development token for local work against a Hub in Development.</summary>
internal static class TokenCommand
{
    public static Command Create(CliContext context)
    {
        var roles = new Option<string[]>("--role") { Description = "An app role to grant; repeat for several (e.g. Hub.StreetOfficer, Feeds.Publish.police)", HelpName = "role" };
        var source = new Option<string?>("--source") { Description = "Shortcut: the feed-publisher role of this source, subject '<source>-client'" };
        var subject = new Option<string?>("--subject") { Description = "The token's subject (sub and azp)" };
        var division = new Option<string?>("--division") { Description = "A personal identity's 12-digit division (e.g. 110105001000 for a street office); required with a Hub.* role" };
        var grid = new Option<string?>("--grid") { Description = "A grid worker's grid within their community (e.g. G03)" };
        var department = new Option<string?>("--department") { Description = "A department officer's department: the source id (e.g. civil-affairs)" };
        var claims = new Option<string[]>("--claim") { Description = "An extra claim as type=value; repeat for several", HelpName = "type=value" };
        var lifetime = new Option<TimeSpan>("--lifetime")
        {
            Description = "How long the token is valid: 8h, 30m, 2d or 01:30:00",
            DefaultValueFactory = _ => TimeSpan.FromHours(8),
            CustomParser = result => ParseLifetime(result.Tokens[0].Value) is { } span ? span : Fail(result, "--lifetime must be like 8h, 30m, 2d, 90s or 01:30:00 and positive."),
        };
        var command = new Command("token", "Print a development token (signed with the public development key; a Hub accepts it only in Development).")
        {
            roles, source, subject, division, grid, department, claims, lifetime,
        };
        command.SetAction((parsed, _) => RunAsync(
            context,
            new TokenRequest(parsed.GetValue(roles) ?? [], parsed.GetValue(source), parsed.GetValue(subject), parsed.GetValue(division), parsed.GetValue(grid), parsed.GetValue(department), parsed.GetValue(claims) ?? [], parsed.GetValue(lifetime))));
        return command;
    }

    internal static TimeSpan? ParseLifetime(string text)
    {
        TimeSpan? span = text.Length > 1 && double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
            ? char.ToLowerInvariant(text[^1]) switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            }
            : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        return span > TimeSpan.Zero ? span : null;
    }

    private static async Task<int> RunAsync(CliContext context, TokenRequest request)
    {
        var granted = request.Roles.ToList();
        if (request.Source is not null)
        {
            if (!SourceId.TryParse(request.Source, out _))
            {
                return await HubCli.UsageAsync(context, "--source must be a source id such as civil-affairs (lower-case letters, digits and hyphens).").ConfigureAwait(false);
            }

            granted.Add(HubRoles.FeedPublisher(request.Source));
        }

        if (granted.Count == 0)
        {
            return await HubCli.UsageAsync(context, "Give at least one --role, or --source for a feed publisher's token.").ConfigureAwait(false);
        }

        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var claim in request.Claims)
        {
            var split = claim.IndexOf('=', StringComparison.Ordinal);
            if (split <= 0)
            {
                return await HubCli.UsageAsync(context, "--claim must be type=value, e.g. --claim division=110105003").ConfigureAwait(false);
            }

            extra[claim[..split]] = claim[(split + 1)..];
        }

        var personal = granted.Where(r => r.StartsWith("Hub.", StringComparison.Ordinal)).ToList();
        if (personal.Count == 0 && (request.Division ?? request.Grid ?? request.Department) is not null)
        {
            return await HubCli.UsageAsync(context, "--division, --grid and --department describe a person: give a Hub.* role with them.").ConfigureAwait(false);
        }

        if (personal.Count > 0)
        {
            var reason = HubUser.Describe(request.Subject ?? "hub-cli", personal, request.Division, request.Grid, request.Department, out var division, out var grid, out var department);
            if (reason is not null)
            {
                return await HubCli.UsageAsync(context, $"This identity would not be accepted by the Hub: {reason}.").ConfigureAwait(false);
            }

            extra[HubClaims.Division] = division!.Value.Value;
            if (grid is { } g)
            {
                extra[HubClaims.Grid] = g.Value;
            }

            if (department is { } d)
            {
                extra[HubClaims.Department] = d.Value;
            }
        }

        var subject = request.Subject ?? (request.Source is null ? "hub-cli" : $"{request.Source}-client");
        var token = DevelopmentTokens.Mint(subject, granted, extra, request.Lifetime, context.Time.GetUtcNow());
        await context.Output.WriteLineAsync(token).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static TimeSpan Fail(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return default;
    }

    private sealed record TokenRequest(string[] Roles, string? Source, string? Subject, string? Division, string? Grid, string? Department, string[] Claims, TimeSpan Lifetime);
}
