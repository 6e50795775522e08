using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Hub.Core.Access;

namespace Hub.Cli;

/// <summary>
/// <c>hub persons report</c>, <c>correct</c>, <c>corrections</c> and <c>decide</c>: a resident's requests about their
/// own data. ID numbers and proposed values are read from a file or standard input, never from the command line,
/// where any user of the machine could read them in the process list.
/// </summary>
internal static class PersonsCommand
{
    private const string City = "110100000000";

    public static Command Create(CliContext context)
    {
        var command = new Command("persons", "A resident's requests about their own data: the data subject's report, corrections routed to the owning department.");
        command.Subcommands.Add(Report(context));
        command.Subcommands.Add(Correct(context));
        command.Subcommands.Add(Corrections(context));
        command.Subcommands.Add(Decide(context));
        return command;
    }

    private static Command Report(CliContext context)
    {
        var idFile = new Option<string?>("--id-file") { Description = "A file whose first line is the resident's ID number; - reads standard input" };
        var personKey = new Option<string?>("--person-key") { Description = "The person key instead of an ID number" };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the report", Required = true };
        var format = new Option<string>("--format") { Description = "html (a printable Chinese document) or json", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "json");
        var division = Division("street or district");
        var connection = new HubConnectionOptions();
        var command = new Command("report", "Write the data subject's report: everything the Hub holds about the person, who looked, what was shared.") { idFile, personKey, output, format, division };
        connection.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var (person, problem) = await PersonAsync(parsed.GetValue(idFile), parsed.GetValue(personKey), context, cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return await HubCli.UsageAsync(context, problem!).ConfigureAwait(false);
            }

            using var client = await ConnectAsync(parsed, connection, parsed.GetValue(division)!, department: null, context).ConfigureAwait(false);
            var file = parsed.GetValue(output)!;
            var written = new FileInfo(file.FullName + ".part");
            await using (var stream = written.Create())
            {
                await client.CopySubjectReportAsync(person, parsed.GetValue(format) == "html", stream, cancellationToken).ConfigureAwait(false);
            }

            written.MoveTo(file.FullName, overwrite: true);
            await context.Output.WriteLineAsync($"Report written to {file.FullName}.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Correct(CliContext context)
    {
        var requestFile = new Option<string>("--request-file")
        {
            Description = "A JSON file ({\"residentId\" or \"personKey\", \"attribute\", \"proposedValue\", \"reason\"}); - reads standard input",
            Required = true,
        };
        var division = Division("street or district");
        var connection = new HubConnectionOptions();
        var command = new Command("correct", "File a resident's request to correct one value; the Hub routes it to the department that owns the value.") { requestFile, division };
        connection.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            JsonElement body;
            try
            {
                var text = await ReadAsync(parsed.GetValue(requestFile)!, cancellationToken).ConfigureAwait(false);
                body = JsonSerializer.Deserialize<JsonElement>(text);
            }
            catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
            {
                return await HubCli.UsageAsync(context, "--request-file must be a readable JSON object: " + ex.GetType().Name).ConfigureAwait(false);
            }

            using var client = await ConnectAsync(parsed, connection, parsed.GetValue(division)!, department: null, context).ConfigureAwait(false);
            var filed = (await client.FileCorrectionAsync(body, cancellationToken).ConfigureAwait(false)).Value;
            await context.Output.WriteLineAsync($"Correction {Text(filed, "id")} of {Text(filed, "attribute")} filed for {Text(filed, "owner")}.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Corrections(CliContext context)
    {
        var status = new Option<string?>("--status") { Description = "Only requests of this status: open, accepted or rejected" };
        status.AcceptOnlyFromAmong("open", "accepted", "rejected");
        var department = Department();
        var json = new Option<bool>("--json") { Description = "Print the Hub's answer as JSON (with the values the policy gives you)" };
        var connection = new HubConnectionOptions();
        var command = new Command("corrections", "List the correction requests routed to your department (ids, attributes, persons' keys; no values).") { status, department, json };
        connection.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var client = await ConnectAsync(parsed, connection, City, parsed.GetValue(department), context).ConfigureAwait(false);
            var answer = await client.ListCorrectionsAsync(parsed.GetValue(status), cancellationToken).ConfigureAwait(false);
            if (parsed.GetValue(json))
            {
                await context.Output.WriteLineAsync(answer.Json).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var items = answer.Value.GetProperty("items").EnumerateArray().ToList();
            await PlainTable.WriteAsync(context.Output, ["ID", "ATTRIBUTE", "PERSON", "STATUS", "REQUESTED", "BY"], items.Select(i => (IReadOnlyList<string>)
                [Text(i, "id"), Text(i, "attribute"), Text(i, "personKey"), Text(i, "status"), Text(i, "requestedAt"), Text(i, "requestedBy")])).ConfigureAwait(false);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{items.Count} requests.")).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Decide(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The request's id, as hub persons corrections prints it" };
        var accept = new Option<bool>("--accept") { Description = "Accept: your department corrects its register, and its next feed brings the value" };
        var reject = new Option<bool>("--reject") { Description = "Reject: your department keeps its value" };
        var answer = new Option<string>("--answer") { Description = "What the resident is told, 1 to 500 characters", Required = true };
        var department = Department();
        var connection = new HubConnectionOptions();
        var command = new Command("decide", "Accept or reject a correction request routed to your department.") { id, accept, reject, answer, department };
        connection.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            if (parsed.GetValue(accept) == parsed.GetValue(reject))
            {
                return await HubCli.UsageAsync(context, "Say --accept or --reject (one of them).").ConfigureAwait(false);
            }

            using var client = await ConnectAsync(parsed, connection, City, parsed.GetValue(department), context).ConfigureAwait(false);
            var decided = (await client.DecideCorrectionAsync(parsed.GetValue(id)!, parsed.GetValue(accept) ? "accept" : "reject", parsed.GetValue(answer)!, cancellationToken).ConfigureAwait(false)).Value;
            await context.Output.WriteLineAsync($"Correction {Text(decided, "id")} is {Text(decided, "status")}.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    // The person of a report: an ID number read from a file or standard input, or a person key.
    private static async Task<(object? Person, string? Problem)> PersonAsync(string? idFile, string? personKey, CliContext context, CancellationToken cancellationToken)
    {
        if ((idFile is null) == (personKey is null))
        {
            return (null, "Give --id-file (a file or - for standard input holding the ID number) or --person-key, one of them.");
        }

        if (personKey is not null)
        {
            return (new { personKey }, null);
        }

        try
        {
            var text = await ReadAsync(idFile!, cancellationToken).ConfigureAwait(false);
            var id = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
            return id is null ? (null, "The ID file is empty.") : (new { residentId = id }, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"Cannot read {idFile}: {ex.GetType().Name}").ConfigureAwait(false);
            return (null, "--id-file must be a readable file, or - for standard input.");
        }
    }

    private static async Task<string> ReadAsync(string file, CancellationToken cancellationToken) =>
        file == "-" ? await Console.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false) : await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);

    private static Option<string> Division(string level) => new("--division")
    {
        Description = $"For a development token: the {level} of the handling officer (a street ends in 000, a district in 000000)",
        Required = true,
    };

    private static Option<string?> Department() => new("--department")
    {
        Description = "For a development token: a department officer of this source, e.g. police",
    };

    private static async Task<HubClient> ConnectAsync(ParseResult parsed, HubConnectionOptions connection, string division, string? department, CliContext context)
    {
        if (department is not null)
        {
            return await connection.ConnectAsync(parsed, HubRoles.DepartmentOfficer, division, context, department).ConfigureAwait(false);
        }

        var role = division.EndsWith("000000", StringComparison.Ordinal) ? HubRoles.DistrictOfficer : HubRoles.StreetOfficer;
        return await connection.ConnectAsync(parsed, role, division, context).ConfigureAwait(false);
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : string.Empty;
}
