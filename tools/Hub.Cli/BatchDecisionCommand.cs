using System.CommandLine;
using Hub.Core.Access;
using Hub.Core.Feeds.Batches;

namespace Hub.Cli;

/// <summary>
/// <c>hub batch confirm</c> and <c>hub batch discard</c>: a person answerable for the department's register decides
/// about a held snapshot. Without a token, a development administrator's is minted.
/// </summary>
internal static class BatchDecisionCommand
{
    private const string City = "110100000000";

    public static Command Create(CliContext context, BatchDecisionKind kind)
    {
        var source = SourceOptions.Argument();
        var batchId = new Argument<string>("batch-id") { Description = "The held batch's id" };
        var reason = new Option<string>("--reason") { Description = "Why, in 1 to 500 characters; kept with the batch", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the Hub's report as JSON" };
        var connection = new HubConnectionOptions();
        var (name, summary) = kind == BatchDecisionKind.Confirmed
            ? ("confirm", "Confirm a held snapshot: it is applied in full, end-dates included.")
            : ("discard", "Discard a held snapshot: nothing of it is applied.");
        var command = new Command(name, summary) { source, batchId, reason, json };
        connection.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var client = await connection.ConnectAsync(parsed, HubRoles.Administrator, City, context).ConfigureAwait(false);
            var report = await client.DecideBatchAsync(parsed.GetValue(source)!, parsed.GetValue(batchId)!, kind, parsed.GetValue(reason)!, cancellationToken).ConfigureAwait(false);
            return await BatchCommand.PrintAsync(context, report, parsed.GetValue(json)).ConfigureAwait(false);
        });
        return command;
    }
}
