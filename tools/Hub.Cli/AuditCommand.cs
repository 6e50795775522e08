using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Core.Kernel;

namespace Hub.Cli;

/// <summary>
/// <c>hub audit verify</c>, <c>hub audit events</c> and <c>hub audit prove</c>: an auditor's view of the trail.
/// Without a token they mint a development auditor's. The output names persons by key only, as the Hub's auditor API
/// does.
/// </summary>
internal static class AuditCommand
{
    /// <summary>Where a development auditor is placed when <c>--division</c> is not given: a city.</summary>
    public const string DefaultDivision = "110100000000";

    public static Command Create(CliContext context) => new("audit", "Verify the audit trail, search its events and prove events against its checkpoints (auditors, role Hub.Auditor).")
    {
        Verify(context),
        Events(context),
        AuditProveCommand.Create(context),
    };

    private static Command Verify(CliContext context)
    {
        var from = DayOption("--from", "The first UTC day to verify, e.g. 2025-03-01");
        var to = DayOption("--to", "The last UTC day to verify (inclusive)");
        var json = new Option<bool>("--json") { Description = "Print the Hub's verification as JSON" };
        var division = DivisionOption();
        var connection = new HubConnectionOptions();
        var command = new Command("verify", "Recompute the hash chain over a range of days and compare it with the checkpoints. Exit 0 intact, 1 tampering found.") { from, to, json, division };
        connection.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var (first, last) = (parsed.GetValue(from), parsed.GetValue(to));
            if (last < first)
            {
                return await HubCli.UsageAsync(context, "--to must not be before --from.").ConfigureAwait(false);
            }

            using var client = await ConnectAsync(connection, parsed, parsed.GetValue(division)!, context).ConfigureAwait(false);
            var answer = await client.VerifyAuditAsync(first, last, cancellationToken).ConfigureAwait(false);
            if (parsed.GetValue(json))
            {
                await context.Output.WriteLineAsync(answer.Json).ConfigureAwait(false);
            }
            else
            {
                await context.Output.WriteLineAsync(Describe(answer.Value)).ConfigureAwait(false);
            }

            return answer.Value.FirstFinding is null ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    private static Command Events(CliContext context)
    {
        var from = TimeOption("--from", "The earliest time: a UTC day (2025-03-01) or an ISO 8601 time");
        var to = TimeOption("--to", "The latest time: a UTC day, included whole, or an ISO 8601 time (excluded)");
        var user = new Option<string?>("--user") { Description = "Only events of this user id" };
        var person = new Option<string?>("--person") { Description = "Only events that touched this person key (32 hex characters): who looked at this person" };
        person.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !PersonKey.TryParse(result.Tokens[0].Value, out _))
            {
                result.AddError("--person is a person key: 32 lower-case hex characters.");
            }
        });
        var csv = new Option<FileInfo?>("--csv") { Description = "Write the events to this CSV file (spreadsheet-safe) instead of printing them", HelpName = "file" };
        var division = DivisionOption();
        var connection = new HubConnectionOptions();
        var command = new Command("events", "Search the audit events of a time range, oldest first.") { from, to, user, person, csv, division };
        connection.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var start = parsed.GetValue(from)!;
            var end = parsed.GetValue(to)!;
            var filter = new AuditEventFilter(start.Start, end.End, parsed.GetValue(user), parsed.GetValue(person));
            if (filter.To < filter.From)
            {
                return await HubCli.UsageAsync(context, "--to must not be before --from.").ConfigureAwait(false);
            }

            using var client = await ConnectAsync(connection, parsed, parsed.GetValue(division)!, context).ConfigureAwait(false);
            if (parsed.GetValue(csv) is { } file)
            {
                await DownloadAsync(client, filter, file, cancellationToken).ConfigureAwait(false);
                await context.Error.WriteLineAsync($"Wrote {file.FullName}").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            // One line per event, fields in a fixed order, so a terminal never wraps a key and a script can cut columns.
            var count = 0;
            await foreach (var row in client.SearchAuditAsync(filter, cancellationToken).ConfigureAwait(false))
            {
                count++;
                await context.Output.WriteLineAsync(Line(row)).ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{count} events")).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static string Line(AuditEventRow row)
    {
        var persons = row.PersonKeys.Count switch
        {
            0 => "-",
            1 => row.PersonKeys[0],
            var n => string.Create(CultureInfo.InvariantCulture, $"{n} persons"),
        };
        string[] fields =
        [
            row.Sequence.ToString(CultureInfo.InvariantCulture),
            row.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            row.UserId,
            row.Role ?? "-",
            Division(row),
            row.Action,
            row.Outcome,
            persons,
            "purpose=" + (row.Purpose ?? "-"),
            row.BreakGlassReason is null ? string.Empty : "break-glass",
        ];
        return string.Join("  ", fields.Where(f => f.Length > 0));
    }

    // The user's division by name with its code, as the other commands name one: 和平街道(110105001000); a code the
    // registry does not know as it is, so a script can still cut it.
    private static string Division(AuditEventRow row) => row.Division switch
    {
        null or "" => "-",
        var code when row.DivisionName is { Length: > 0 } name => $"{name}({code})",
        var code => code,
    };

    internal static string Describe(AuditVerification verification)
    {
        var checkpoints = verification.TreeHeadsChecked > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{verification.CheckpointsChecked} checkpoints ({verification.TreeHeadsChecked} with tree heads)")
            : string.Create(CultureInfo.InvariantCulture, $"{verification.CheckpointsChecked} checkpoints");
        var range = string.Create(CultureInfo.InvariantCulture, $"{verification.From:yyyy-MM-dd} to {verification.To:yyyy-MM-dd}: {verification.EventsChecked} events and {checkpoints} checked");
        if (verification.FirstFinding is not { } finding)
        {
            return $"Intact: {range}.";
        }

        var where = finding.LastSequence is { } last && last != finding.Sequence
            ? string.Create(CultureInfo.InvariantCulture, $"events {finding.Sequence}-{last}")
            : string.Create(CultureInfo.InvariantCulture, $"sequence {finding.Sequence}");
        var day = finding.Partition.Length == 9 && DateOnly.TryParseExact(finding.Partition[1..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : finding.Partition;
        return $"Tampering found: {finding.Kind.ToString().ToLowerInvariant()} at {where}, day {day}. {finding.Detail} ({range} before it stopped.)";
    }

    internal static async Task<HubClient> ConnectAsync(HubConnectionOptions connection, ParseResult parsed, string division, CliContext context) =>
        await connection.ConnectAsync(parsed, HubRoles.Auditor, division, context).ConfigureAwait(false);

    private static async Task DownloadAsync(HubClient client, AuditEventFilter filter, FileInfo file, CancellationToken cancellationToken)
    {
        // Written to a temporary name first, so a failed download never leaves half an export under the asked name.
        var partial = file.FullName + ".partial";
        try
        {
            await using var stream = File.Create(partial);
            await client.CopyAuditExportAsync(filter, stream, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        File.Move(partial, file.FullName, overwrite: true);
    }

    private static Option<DateOnly> DayOption(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        HelpName = "yyyy-mm-dd",
        CustomParser = result => DateOnly.TryParseExact(result.Tokens[0].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : Fail<DateOnly>(result, $"{name} must be a day like 2025-03-01."),
    };

    private static Option<TimeBound?> TimeOption(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        HelpName = "day-or-time",
        CustomParser = result => TimeBound.TryParse(result.Tokens[0].Value) ?? Fail<TimeBound?>(result, $"{name} must be a day like 2025-03-01 or a time like 2025-03-01T08:00:00Z."),
    };

    internal static Option<string> DivisionOption() => PersonDivisionOption.Create(HubRoles.Auditor, "auditor", DefaultDivision);

    private static T Fail<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }
}
