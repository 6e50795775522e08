using System.CommandLine;
using Hub.Core.Feeds.Batches;

namespace Hub.Cli;

/// <summary><c>hub batch</c>: prints one batch's report.</summary>
internal static class BatchCommand
{
    public static Command Create(CliContext context)
    {
        var source = SourceOptions.Argument();
        var batchId = new Argument<string>("batch-id") { Description = "The batch id, as push printed it" };
        var json = new Option<bool>("--json") { Description = "Print the Hub's report as JSON" };
        var connection = new HubConnectionOptions();
        var command = new Command("batch", "Print a batch's report: status, counts and first rejections; confirm or discard a held snapshot.") { source, batchId, json };
        connection.AddTo(command);
        command.Subcommands.Add(BatchDecisionCommand.Create(context, BatchDecisionKind.Confirmed));
        command.Subcommands.Add(BatchDecisionCommand.Create(context, BatchDecisionKind.Discarded));
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var client = await connection.ConnectAsync(parsed, parsed.GetValue(source)!, context).ConfigureAwait(false);
            var report = await client.GetBatchAsync(parsed.GetValue(source)!, parsed.GetValue(batchId)!, cancellationToken).ConfigureAwait(false);
            return await PrintAsync(context, report, parsed.GetValue(json)).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Prints a report; the exit code says whether the batch is held (5), failed or rejected rows (1), or neither (0).</summary>
    internal static async Task<int> PrintAsync(CliContext context, HubAnswer<BatchReport> report, bool json)
    {
        if (json)
        {
            await context.Output.WriteLineAsync(report.Json).ConfigureAwait(false);
        }
        else
        {
            ReportView.Batch(context.Console, report.Value);
        }

        return report.Value switch
        {
            { Status: BatchStatus.Held } => ExitCodes.Held,
            { Status: BatchStatus.Failed } or { Counts.Rejected: > 0 } => ExitCodes.Failed,
            _ => ExitCodes.Success,
        };
    }
}
