using System.CommandLine;
using Hub.Core.Feeds.Batches;
using Hub.Core.Feeds.Reading;
using Spectre.Console;

namespace Hub.Cli;

/// <summary><c>hub push</c>: streams a feed file to the Hub and, with <c>--wait</c>, follows its batch to the end.</summary>
internal static class PushCommand
{
    /// <summary>Files over this many MiB go through an upload URL: well under the Functions host's 100 MB body limit.</summary>
    public const int DefaultUploadOverMiB = 64;

    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "The feed file: .csv, .xlsx, .json, .ndjson or .jsonl; with .gz after it, sent gzip-encoded as it is" }.AcceptExistingOnly();
        var source = SourceOptions.Required();
        var mode = new Option<string>("--mode")
        {
            Description = "delta: changes only; snapshot: the whole register (records missing from it are end-dated)",
            DefaultValueFactory = _ => "delta",
        }.AcceptOnlyFromAmong("delta", "snapshot");
        var contentType = new Option<string?>("--content-type") { Description = "The media type, when the extension does not tell (e.g. 'text/csv; charset=gb18030')" };
        var wait = new Option<bool>("--wait") { Description = "Follow the batch until it completes or fails, then print its account" };
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "How long --wait follows the batch (default 30m)",
            DefaultValueFactory = _ => TimeSpan.FromMinutes(30),
            CustomParser = r =>
            {
                if (TokenCommand.ParseLifetime(r.Tokens[0].Value) is { } span)
                {
                    return span;
                }

                r.AddError("--timeout must be like 30m, 2h or 00:45:00 and positive.");
                return default;
            },
        };
        var json = new Option<bool>("--json") { Description = "Print the Hub's batch report as JSON instead of tables" };
        var upload = new Option<bool>("--upload") { Description = "Upload the file to blob storage through a write-only URL the Hub gives, whatever its size, instead of in the request body" };
        var uploadOver = new Option<int>("--upload-over")
        {
            Description = "Files larger than this many MiB go through an upload URL instead of the request body (default 64; the Functions host takes bodies up to 100 MB)",
            DefaultValueFactory = _ => DefaultUploadOverMiB,
        };
        uploadOver.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--upload-over must be a positive number of MiB.");
            }
        });
        var connection = new HubConnectionOptions();
        var command = new Command("push", "Push a feed file to the Hub.") { file, source, mode, contentType, wait, timeout, json, upload, uploadOver };
        connection.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var path = parsed.GetValue(file)!;
            var type = parsed.GetValue(contentType) ?? FeedFileTypes.Infer(path.Name);
            if (type is null || !FeedContentType.TryParse(type, out _))
            {
                return await HubCli.UsageAsync(context, $"Cannot tell the feed's format from '{path.Extension}'; give --content-type, one of: {string.Join(", ", FeedContentType.Supported)}.").ConfigureAwait(false);
            }

            var sourceId = parsed.GetValue(source)!;
            var feedMode = Enum.Parse<FeedMode>(parsed.GetValue(mode)!, ignoreCase: true);
            using var client = await connection.ConnectAsync(parsed, sourceId, context).ConfigureAwait(false);
            var viaBlob = parsed.GetValue(upload) || path.Length > parsed.GetValue(uploadOver) * 1024L * 1024;
            var accepted = viaBlob
                ? await UploadThroughUrlAsync(context, client, path, sourceId, feedMode, type, cancellationToken).ConfigureAwait(false)
                : await UploadAsync(context, client, path, sourceId, feedMode, type, cancellationToken).ConfigureAwait(false);
            if (!parsed.GetValue(wait))
            {
                return await ReportAcceptedAsync(context, accepted, parsed.GetValue(json)).ConfigureAwait(false);
            }

            var final = await FollowAsync(context, client, accepted.Value, parsed.GetValue(timeout), cancellationToken).ConfigureAwait(false);
            if (accepted.Value.Repeated)
            {
                // The batch's own report knows nothing of this push; only the push's answer says it repeated a payload.
                final = RepeatedPush.Mark(final);
                if (!parsed.GetValue(json))
                {
                    await context.Output.WriteLineAsync($"The Hub already had this payload as batch {final.Value.Id}: nothing new was read, and the counts below are that batch's.").ConfigureAwait(false);
                }
            }

            return await BatchCommand.PrintAsync(context, final, parsed.GetValue(json)).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<HubAnswer<BatchReport>> UploadAsync(CliContext context, HubClient client, FileInfo file, string source, FeedMode mode, string contentType, CancellationToken cancellationToken)
    {
        var length = file.Length;
        return await context.Status.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var upload = progress.AddTask($"Uploading {Markup.Escape(file.Name)}", maxValue: Math.Max(1, length));
                var stream = new UploadProgressStream(file.OpenRead(), read => upload.Value = read);
                await using (stream.ConfigureAwait(false))
                {
                    var answer = await client.PushAsync(source, mode, stream, length, contentType, FeedFileTypes.IsGzip(file.Name), cancellationToken).ConfigureAwait(false);
                    upload.Value = upload.MaxValue;
                    return answer;
                }
            }).ConfigureAwait(false);
    }

    // The file goes to blob storage through the write-only URL the Hub gives for it, then the Hub is asked to take it;
    // from there the batch is a push's.
    private static async Task<HubAnswer<BatchReport>> UploadThroughUrlAsync(CliContext context, HubClient client, FileInfo file, string source, FeedMode mode, string contentType, CancellationToken cancellationToken)
    {
        var gzip = FeedFileTypes.IsGzip(file.Name);
        var grant = await client.RequestUploadAsync(source, mode, contentType, gzip, file.Length, cancellationToken).ConfigureAwait(false);
        var length = file.Length;
        await context.Status.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"Uploading {Markup.Escape(file.Name)} to storage", maxValue: Math.Max(1, length));
                var stream = file.OpenRead();
                await using (stream.ConfigureAwait(false))
                {
                    await BlobUpload.UploadAsync(context, grant.Value.UploadUrl, stream, gzip ? "application/gzip" : contentType, new Progress<long>(sent => task.Value = sent), cancellationToken).ConfigureAwait(false);
                }

                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return await client.TakeUploadAsync(grant.Value, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ReportAcceptedAsync(CliContext context, HubAnswer<BatchReport> accepted, bool json)
    {
        var batch = accepted.Value;
        if (json)
        {
            await context.Output.WriteLineAsync(accepted.Json).ConfigureAwait(false);
        }
        else
        {
            var what = batch.Repeated ? "The Hub already had this payload as batch" : "Accepted as batch";
            await context.Output.WriteLineAsync($"{what} {batch.Id} ({batch.Status.ToString().ToLowerInvariant()}). Follow it with: hub batch {batch.Source} {batch.Id}").ConfigureAwait(false);
        }

        return batch.Status == BatchStatus.Failed ? ExitCodes.Failed : ExitCodes.Success;
    }

    private static async Task<HubAnswer<BatchReport>> FollowAsync(CliContext context, HubClient client, BatchReport batch, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var latest = await client.GetBatchAsync(batch.Source, batch.Id, cancellationToken).ConfigureAwait(false);
        var deadline = context.Time.GetUtcNow() + timeout;
        var delay = TimeSpan.FromMilliseconds(500);
        await context.Status.Status().StartAsync($"Batch {batch.Id} is {latest.Value.Status.ToString().ToLowerInvariant()}", async status =>
        {
            while (!latest.Value.IsSettled && context.Time.GetUtcNow() < deadline)
            {
                await Task.Delay(delay, context.Time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 1.5, 5000));
                latest = await client.GetBatchAsync(batch.Source, batch.Id, cancellationToken).ConfigureAwait(false);
                status.Status($"Batch {batch.Id} is {latest.Value.Status.ToString().ToLowerInvariant()}: {latest.Value.Counts.Received:N0} rows read");
            }
        }).ConfigureAwait(false);

        if (!latest.Value.IsSettled)
        {
            await context.Error.WriteLineAsync($"Batch {batch.Id} is still {latest.Value.Status.ToString().ToLowerInvariant()} after {timeout}; follow it with: hub batch {batch.Source} {batch.Id}").ConfigureAwait(false);
        }

        return latest;
    }
}
