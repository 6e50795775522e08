using System.CommandLine;
using System.Globalization;
using Hub.Core.Access;

namespace Hub.Cli;

/// <summary>
/// <c>hub queue</c>: the possible matches waiting for a data steward, a page (or, with <c>--all</c>, every page) as a
/// table of keys and scores, the keys being what a decision file (<c>hub queue decide</c>) names. Nothing a record says
/// is printed. Without a token, a development steward's is minted.
/// </summary>
internal static class QueueCommand
{
    /// <summary>Where a development steward is placed when <c>--division</c> is not given: a city, which reaches every item.</summary>
    public const string DefaultDivision = "110100000000";

    public static Command Create(CliContext context)
    {
        var source = SourceOptions.Optional("Only records this source sent, e.g. civil-affairs");
        var minScore = new Option<double?>("--min-score") { Description = "Only items the matcher scored at least this when it queued them" };
        var maxScore = new Option<double?>("--max-score") { Description = "Only items the matcher scored at most this when it queued them" };
        var sort = new Option<string>("--sort") { Description = "age (oldest first) or score (highest first)", DefaultValueFactory = _ => "age" };
        sort.AcceptOnlyFromAmong("age", "score");
        var pageSize = new Option<int>("--page-size") { Description = "Items per page (1-100)", DefaultValueFactory = _ => 20 };
        pageSize.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 100)
            {
                r.AddError("--page-size must be between 1 and 100.");
            }
        });
        var all = new Option<bool>("--all") { Description = "List every page, not only the first" };
        var division = Division();
        var connection = new HubConnectionOptions();
        var command = new Command("queue", "List the possible matches waiting for a data steward (role Hub.DataSteward); decide a reviewed page from a file.")
        {
            source, minScore, maxScore, sort, pageSize, all, division,
        };
        connection.AddTo(command);
        command.Subcommands.Add(QueueDecideCommand.Create(context));
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var filter = new QueueFilter(parsed.GetValue(source), parsed.GetValue(minScore), parsed.GetValue(maxScore), parsed.GetValue(sort)!, parsed.GetValue(pageSize));
            if (filter.MinScore > filter.MaxScore)
            {
                return await HubCli.UsageAsync(context, "--min-score must not be above --max-score.").ConfigureAwait(false);
            }

            using var client = await connection.ConnectAsync(parsed, HubRoles.DataSteward, parsed.GetValue(division)!, context).ConfigureAwait(false);
            var rows = new List<QueueRow>();
            QueueRowPage page;
            string? continuation = null;
            do
            {
                page = (await client.GetQueuePageAsync(filter, continuation, cancellationToken).ConfigureAwait(false)).Value;
                rows.AddRange(page.Items);
                continuation = page.Continuation;
            }
            while (continuation is not null && parsed.GetValue(all));

            await PlainTable.WriteAsync(context.Output, ["RECORD", "SOURCE", "SCORE", "QUEUED AT", "BEST CANDIDATE", "CANDIDATES"], rows.Select(Cells)).ConfigureAwait(false);
            var more = continuation is null ? string.Empty : "; --all lists every page";
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{rows.Count} of {page.Total} possible matches{more}.")).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The <c>--division</c> of the development steward.</summary>
    internal static Option<string> Division() => PersonDivisionOption.Create(HubRoles.DataSteward, "steward", DefaultDivision);

    private static string[] Cells(QueueRow row)
    {
        var best = row.Candidates.MaxBy(c => c.Score);
        return
        [
            row.RecordKey,
            row.Source,
            row.Score?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-",
            row.QueuedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            best?.Profile.PersonKey ?? "-",
            row.Candidates.Count.ToString(CultureInfo.InvariantCulture),
        ];
    }
}
