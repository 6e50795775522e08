using System.CommandLine;
using Hub.Core.Quality;

namespace Hub.Cli;

/// <summary>
/// <c>hub data-quality</c>: a department's data quality as the Hub recorded it batch by batch (rejections, completeness,
/// rows kept without an ID, timeliness, disagreement with other departments, the stewards' backlog, the trend), how
/// one batch moved it, or the figures as CSV. Counts and rates only, never a person.
/// </summary>
internal static class DataQualityCommand
{
    public static Command Create(CliContext context)
    {
        var source = SourceOptions.Argument();
        var batch = new Option<string?>("--batch") { Description = "Show how this batch moved the department's figures from the batch before it" };
        var csv = new Option<FileInfo?>("--csv") { Description = "Write every completed batch's figures to this CSV file (one figure a row) instead" };
        var top = new Option<int>("--top") { Description = "How many completed batches the trend reaches back over (1-500)", DefaultValueFactory = _ => 30 };
        top.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > DataQuality.MaxTrend)
            {
                r.AddError($"--top must be 1 to {DataQuality.MaxTrend}.");
            }
        });
        var json = new Option<bool>("--json") { Description = "Print the Hub's answer as JSON" };
        var connection = new HubConnectionOptions();
        var command = new Command("data-quality", "A department's data quality per batch and over time: rejections by reason, completeness, rows kept without an ID, timeliness, disagreement with other departments, identities waiting for a steward.")
        {
            source, batch, csv, top, json,
        };
        connection.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(batch) is not null && result.GetValue(csv) is not null)
            {
                result.AddError("--batch and --csv do not go together: the CSV holds every batch's figures.");
            }
        });
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var id = parsed.GetValue(source)!;
            using var client = await connection.ConnectAsync(parsed, id, context).ConfigureAwait(false);
            if (parsed.GetValue(csv) is { } file)
            {
                var partial = file.FullName + ".partial";
                try
                {
                    await using var stream = File.Create(partial);
                    await client.CopyQualityExportAsync(id, parsed.GetValue(top), stream, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    File.Delete(partial);
                    throw;
                }

                File.Move(partial, file.FullName, overwrite: true);
                await context.Error.WriteLineAsync($"Wrote {file.FullName}").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            if (parsed.GetValue(batch) is { } batchId)
            {
                var moved = await client.GetBatchQualityAsync(id, batchId, cancellationToken).ConfigureAwait(false);
                if (parsed.GetValue(json))
                {
                    await context.Output.WriteLineAsync(moved.Json).ConfigureAwait(false);
                }
                else
                {
                    DataQualityView.Batch(context.Console, moved.Value);
                }

                return ExitCodes.Success;
            }

            var quality = await client.GetSourceQualityAsync(id, parsed.GetValue(top), cancellationToken).ConfigureAwait(false);
            if (parsed.GetValue(json))
            {
                await context.Output.WriteLineAsync(quality.Json).ConfigureAwait(false);
            }
            else
            {
                DataQualityView.Source(context.Console, quality.Value);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
