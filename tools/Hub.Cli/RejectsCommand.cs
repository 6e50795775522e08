using System.CommandLine;

namespace Hub.Cli;

/// <summary><c>hub rejects</c>: downloads a finished batch's full rejection report (row, field, reason) as CSV.</summary>
internal static class RejectsCommand
{
    public static Command Create(CliContext context)
    {
        var source = SourceOptions.Argument();
        var batchId = new Argument<string>("batch-id") { Description = "The batch id" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the CSV to this file instead of standard output" };
        var connection = new HubConnectionOptions();
        var command = new Command("rejects", "Download a finished batch's rejection report as CSV.") { source, batchId, output };
        connection.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var client = await connection.ConnectAsync(parsed, parsed.GetValue(source)!, context).ConfigureAwait(false);
            var file = parsed.GetValue(output);
            if (file is null)
            {
                using var buffer = new MemoryStream();
                await client.CopyRejectsAsync(parsed.GetValue(source)!, parsed.GetValue(batchId)!, buffer, cancellationToken).ConfigureAwait(false);
                buffer.Position = 0;
                using var reader = new StreamReader(buffer);
                await context.Output.WriteAsync(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            // Written to a temporary name first, so a failed download never leaves a half report under the asked name.
            var partial = file.FullName + ".partial";
            try
            {
                await using var stream = File.Create(partial);
                await client.CopyRejectsAsync(parsed.GetValue(source)!, parsed.GetValue(batchId)!, stream, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                File.Delete(partial);
                throw;
            }

            File.Move(partial, file.FullName, overwrite: true);
            await context.Error.WriteLineAsync($"Wrote {file.FullName}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
