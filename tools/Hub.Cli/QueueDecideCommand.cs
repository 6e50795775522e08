using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Core.Access;

namespace Hub.Cli;

/// <summary>
/// <c>hub queue decide FILE.json</c>: posts a reviewed page's decisions (links and rejections) at once and prints each
/// decision's outcome. Exit 0 when every decision was applied, 1 when any was not.
/// </summary>
internal static class QueueDecideCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("file")
        {
            Description = "JSON: {\"decisions\": [{\"recordKey\": \"…\", \"action\": \"link\" or \"reject\", \"personKey\": \"…\" (for link), \"reason\": \"…\"}]} or just the list; up to 100",
        };
        file.AcceptExistingOnly();
        var json = new Option<bool>("--json") { Description = "Print the Hub's answer as JSON" };
        var division = QueueCommand.Division();
        var connection = new HubConnectionOptions();
        var command = new Command("decide", "Post a reviewed page's decisions from a file; each is applied or refused on its own. Exit 0 all applied, 1 any not.") { file, json, division };
        connection.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var path = parsed.GetValue(file)!;
            string body;
            try
            {
                body = Body(await File.ReadAllTextAsync(path.FullName, cancellationToken).ConfigureAwait(false));
            }
            catch (JsonException)
            {
                return await HubCli.UsageAsync(context, $"{path.Name} is not JSON: write {{\"decisions\": [...]}} or a list of decisions.").ConfigureAwait(false);
            }

            using var client = await connection.ConnectAsync(parsed, HubRoles.DataSteward, parsed.GetValue(division)!, context).ConfigureAwait(false);
            var answer = await client.DecideQueueAsync(body, cancellationToken).ConfigureAwait(false);
            var results = answer.Value.Results;
            if (parsed.GetValue(json))
            {
                await context.Output.WriteLineAsync(answer.Json).ConfigureAwait(false);
            }
            else
            {
                var rows = results.Select(r => (IReadOnlyList<string>)[r.Index.ToString(CultureInfo.InvariantCulture), r.RecordKey ?? "-", r.Status, r.Detail ?? string.Empty]);
                await PlainTable.WriteAsync(context.Output, ["#", "RECORD", "OUTCOME", "REASON"], rows).ConfigureAwait(false);
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{answer.Value.Applied} of {results.Count} decisions applied.")).ConfigureAwait(false);
            }

            return answer.Value.Applied == results.Count ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    // The Hub takes {"decisions": [...]}; a file holding only the list is wrapped, so a page's decisions can be kept either way.
    internal static string Body(string text) =>
        JsonNode.Parse(text) is JsonArray list ? new JsonObject { ["decisions"] = list }.ToJsonString() : text;
}
