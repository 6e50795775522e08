using System.CommandLine;
using System.Globalization;
using Hub.Core.Access;

namespace Hub.Cli;

/// <summary>
/// <c>hub worklist list</c> and <c>hub worklist decide</c>: the cross-department checks' worklist of a department's
/// officer or a street office, as a table of item ids, checks, persons' keys and streets (never a name), and a
/// decision about one item. Without a token, a development one is minted: a department officer with
/// <c>--department</c>, else an officer of <c>--division</c>'s level.
/// </summary>
internal static class WorklistCommand
{
    private const string City = "110100000000";

    public static Command Create(CliContext context)
    {
        var command = new Command("worklist", "The cross-department checks' worklist: list your items, confirm or dismiss one.");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Decide(context));
        return command;
    }

    private static Command List(CliContext context)
    {
        var status = new Option<string?>("--status") { Description = "Only items of this status: open, confirmed, dismissed or resolved" };
        status.AcceptOnlyFromAmong("open", "confirmed", "dismissed", "resolved");
        var rule = new Option<string?>("--rule") { Description = "Only items of this check, e.g. benefit-after-death" };
        var all = new Option<bool>("--all") { Description = "List every page, not only the first" };
        var json = new Option<bool>("--json") { Description = "Print the Hub's answer (the first page) as JSON" };
        var (department, division) = Identity();
        var connection = new HubConnectionOptions();
        var command = new Command("list", "List your worklist items: a department officer's, or those of people in your area.") { status, rule, all, json, department, division };
        connection.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var client = await ConnectAsync(parsed, connection, department, division, context).ConfigureAwait(false);
            var rows = new List<WorklistRow>();
            string? continuation = null;
            do
            {
                var page = await client.GetWorklistPageAsync(parsed.GetValue(status), parsed.GetValue(rule), continuation, cancellationToken).ConfigureAwait(false);
                if (parsed.GetValue(json))
                {
                    await context.Output.WriteLineAsync(page.Json).ConfigureAwait(false);
                    return ExitCodes.Success;
                }

                rows.AddRange(page.Value.Items);
                continuation = page.Value.ContinuationToken;
            }
            while (continuation is not null && parsed.GetValue(all));

            await PlainTable.WriteAsync(context.Output, ["ID", "CHECK", "OWNER", "STATUS", "PERSON", "OPENED", "STREETS"], rows.Select(Cells)).ConfigureAwait(false);
            var more = continuation is null ? string.Empty : "; --all lists every page";
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{rows.Count} items{more}.")).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Decide(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The item's id, as hub worklist list prints it" };
        var confirm = new Option<bool>("--confirm") { Description = "Confirm the contradiction: the owner acts on it" };
        var dismiss = new Option<bool>("--dismiss") { Description = "Dismiss the item (a reason is required)" };
        var reason = new Option<string?>("--reason") { Description = "Why, in 1 to 500 characters; kept in the item's history" };
        var json = new Option<bool>("--json") { Description = "Print the Hub's answer as JSON" };
        var (department, division) = Identity();
        var connection = new HubConnectionOptions();
        var command = new Command("decide", "Confirm or dismiss an open worklist item.") { id, confirm, dismiss, reason, json, department, division };
        connection.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            if (parsed.GetValue(confirm) == parsed.GetValue(dismiss))
            {
                return await HubCli.UsageAsync(context, "Say --confirm or --dismiss (one of them).").ConfigureAwait(false);
            }

            if (parsed.GetValue(dismiss) && string.IsNullOrWhiteSpace(parsed.GetValue(reason)))
            {
                return await HubCli.UsageAsync(context, "--dismiss needs --reason: say why.").ConfigureAwait(false);
            }

            using var client = await ConnectAsync(parsed, connection, department, division, context).ConfigureAwait(false);
            var decided = await client.DecideWorklistAsync(parsed.GetValue(id)!, parsed.GetValue(confirm) ? "confirmed" : "dismissed", parsed.GetValue(reason), cancellationToken).ConfigureAwait(false);
            if (parsed.GetValue(json))
            {
                await context.Output.WriteLineAsync(decided.Json).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var item = decided.Value;
            await context.Output.WriteLineAsync($"Item {item.Id} ({item.Rule}) is {item.Status}.").ConfigureAwait(false);
            await PlainTable.WriteAsync(context.Output, ["AT", "BY", "ACTION", "REASON"], item.History.Select(h => (IReadOnlyList<string>)[Time(h.At), h.By, h.Action, h.Reason ?? string.Empty])).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static (Option<string?> Department, Option<string> Division) Identity()
    {
        var department = new Option<string?>("--department") { Description = "For a development token: a department officer of this source, e.g. civil-affairs" };
        var division = new Option<string>("--division")
        {
            Description = $"For a development token: the division (default the city {City} for a department officer); without --department, an officer of its level (a street, a county) or a community worker",
            DefaultValueFactory = _ => City,
        };
        return (department, division);
    }

    private static async Task<HubClient> ConnectAsync(ParseResult parsed, HubConnectionOptions connection, Option<string?> department, Option<string> division, CliContext context)
    {
        var where = parsed.GetValue(division)!;
        if (parsed.GetValue(department) is { } source)
        {
            return await connection.ConnectAsync(parsed, HubRoles.DepartmentOfficer, where, context, source).ConfigureAwait(false);
        }

        var role = where.EndsWith("000000", StringComparison.Ordinal) ? HubRoles.DistrictOfficer
            : where.EndsWith("000", StringComparison.Ordinal) ? HubRoles.StreetOfficer
            : HubRoles.CommunityWorker;
        return await connection.ConnectAsync(parsed, role, where, context).ConfigureAwait(false);
    }

    private static string[] Cells(WorklistRow row) =>
        [row.Id, row.Rule, row.Owner, row.Status, row.PersonKey, Time(row.OpenedAt), string.Join(',', row.Streets)];

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
