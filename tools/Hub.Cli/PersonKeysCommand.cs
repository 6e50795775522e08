using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Hub.Core.Access;

namespace Hub.Cli;

/// <summary>
/// <c>hub person-keys rotate</c> and <c>hub person-keys status</c>: an administrator moves every person key to the
/// pepper now configured (with the old one set as <c>Hub:PersonKey:RetiredPepper</c>), and reads how far that has come.
/// Without a token, a development administrator's is minted.
/// </summary>
internal static class PersonKeysCommand
{
    private const string City = "110100000000";

    public static Command Create(CliContext context) =>
        new("person-keys", "Rotate the pepper person keys are made with, and read how far the rotation has come.")
        {
            Subcommand(context, "rotate", "Start or continue the rotation and wait until it is done (feeds wait meanwhile); a rotation cut short is continued by the Hub's timer or by asking again."),
            Subcommand(context, "status", "The rotation's stage and counts."),
        };

    private static Command Subcommand(CliContext context, string name, string summary)
    {
        var json = new Option<bool>("--json") { Description = "Print the Hub's answer as JSON" };
        var connection = new HubConnectionOptions();
        var command = new Command(name, summary) { json };
        connection.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var client = await connection.ConnectAsync(parsed, HubRoles.Administrator, City, context).ConfigureAwait(false);
            var answer = name == "rotate"
                ? await client.RotatePersonKeysAsync(cancellationToken).ConfigureAwait(false)
                : await client.GetPersonKeyRotationAsync(cancellationToken).ConfigureAwait(false);
            if (parsed.GetValue(json))
            {
                await context.Output.WriteLineAsync(answer.Json).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var state = answer.Value;
            await PlainTable.WriteAsync(context.Output, ["STAGE", "KEYS MAPPED", "ROWS MOVED", "ROWS REMAPPED", "STARTED", "FINISHED"],
            [[
                state.GetProperty("stage").GetString() ?? string.Empty,
                Count(state, "keysMapped"),
                Count(state, "rowsMoved"),
                Count(state, "rowsRemapped"),
                Time(state, "startedAt"),
                Time(state, "finishedAt"),
            ]]).ConfigureAwait(false);
            if (!state.GetProperty("retiredPepperConfigured").GetBoolean())
            {
                await context.Output.WriteLineAsync("No retired pepper is configured: set Hub:PersonKey:RetiredPepper to the old pepper and Hub:PersonKey:Pepper to the new one to rotate.").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Count(JsonElement state, string name) => state.GetProperty(name).GetInt64().ToString("N0", CultureInfo.InvariantCulture);

    private static string Time(JsonElement state, string name) =>
        state.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "-";
}
