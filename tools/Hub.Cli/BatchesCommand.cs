using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Hub.Cli;

/// <summary><c>hub batches</c>: lists a source's recent batches.</summary>
internal static class BatchesCommand
{
    public static Command Create(CliContext context)
    {
        var source = SourceOptions.Argument();
        var top = new Option<int>("--top") { Description = "How many batches, newest first (1-500)", DefaultValueFactory = _ => 20 };
        top.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 500)
            {
                r.AddError("--top must be between 1 and 500.");
            }
        });
        var json = new Option<bool>("--json") { Description = "Print the Hub's list as JSON" };
        var connection = new HubConnectionOptions();
        var command = new Command("batches", "List a source's recent batches, newest first.") { source, top, json };
        connection.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var client = await connection.ConnectAsync(parsed, parsed.GetValue(source)!, context).ConfigureAwait(false);
            var batches = await client.ListBatchesAsync(parsed.GetValue(source)!, parsed.GetValue(top), cancellationToken).ConfigureAwait(false);
            if (parsed.GetValue(json))
            {
                await context.Output.WriteLineAsync(batches.Json).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var table = new Table().AddColumn(new TableColumn("Batch").NoWrap()).AddColumn("Mode").AddColumn("Status").AddColumn("Received at")
                .AddColumn(new TableColumn("Rows").RightAligned()).AddColumn(new TableColumn("Rejected").RightAligned());
            foreach (var b in batches.Value)
            {
                table.AddRow(
                    new Text(b.Id),
                    new Text(b.Mode.ToString().ToLowerInvariant()),
                    new Text(b.Status.ToString().ToLowerInvariant()),
                    new Text(b.ReceivedAt.ToString("u", CultureInfo.InvariantCulture)),
                    new Text(b.Counts.Received.ToString("N0", CultureInfo.InvariantCulture)),
                    new Text(b.Counts.Rejected.ToString("N0", CultureInfo.InvariantCulture)));
            }

            context.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
