using System.CommandLine;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hub.Core;
using Hub.Core.Feeds;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Reading;
using Hub.Core.Feeds.Sources;
using Hub.Core.Identity.Keys;
using Hub.Core.Kernel;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Hub.Cli;

/// <summary>
/// <c>hub validate</c>: a dry run, offline. Reads the file with the Hub's own reader and <see cref="FeedRecordValidator"/>,
/// so it gives the answers the Hub would give, before anything is sent.
/// </summary>
internal static class ValidateCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "The feed file: .csv, .xlsx, .json, .ndjson or .jsonl" }.AcceptExistingOnly();
        var source = SourceOptions.Required();
        var folder = new Option<string?>("--sources-folder") { Description = "Folder of mapping files (default: functions/Hub.Functions/sources of the repository around the current folder, else the tool's own copy)" };
        var contentType = new Option<string?>("--content-type") { Description = "The media type, when the extension does not tell (e.g. 'text/csv; charset=gb18030')" };
        var show = new Option<int>("--show") { Description = "How many rejections to list", DefaultValueFactory = _ => 20 };
        show.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--show must be 0 or more.");
            }
        });
        var json = new Option<bool>("--json") { Description = "Print the result, with every rejection, as JSON" };
        var command = new Command("validate", "Check a feed file offline against its source mapping, as the Hub would; exit 1 when rows would be rejected.")
        {
            file, source, folder, contentType, show, json,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var path = parsed.GetValue(file)!;
            var type = parsed.GetValue(contentType) ?? FeedFileTypes.Infer(path.Name);
            if (type is null || !FeedContentType.TryParse(type, out var feedType))
            {
                return await HubCli.UsageAsync(context, $"Cannot tell the feed's format from '{path.Extension}'; give --content-type, one of: {string.Join(", ", FeedContentType.Supported)}.").ConfigureAwait(false);
            }

            var sourcesFolder = SourcesFolder.Resolve(parsed.GetValue(folder), Environment.CurrentDirectory);
            // The mappings are loaded by the check the Hub's start runs, and its errors are printed as 'hub sources check' prints them.
            var findings = new List<HubFileFinding>();
            if (HubFilesCheck.LoadSources(sourcesFolder, findings) is not { } catalog)
            {
                foreach (var finding in findings)
                {
                    await context.Error.WriteLineAsync(finding.Line).ConfigureAwait(false);
                }

                await context.Error.WriteLineAsync("Cannot load the source mappings; 'hub sources check' checks them with the rules and the policy.").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            var sourceId = parsed.GetValue(source)!;
            if (!catalog.TryGet(sourceId, out var mapping))
            {
                return await HubCli.UsageAsync(context, $"No source '{sourceId}' in {sourcesFolder}; the sources there are: {string.Join(", ", catalog.All.Select(s => s.Id))}.").ConfigureAwait(false);
            }

            // Today stands for the day the Hub would receive the file: births after it are refused.
            var today = ChinaStandardTime.DateOf(context.Time.GetUtcNow());
            var report = await ValidateAsync(path, feedType, mapping, today, keepAll: parsed.GetValue(json), keep: parsed.GetValue(show), cancellationToken).ConfigureAwait(false);
            Print(context, report, parsed.GetValue(json));
            return report.Rejected == 0 && report.FailureReason is null ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    internal static async Task<ValidationReport> ValidateAsync(FileInfo file, FeedContentType contentType, SourceMapping mapping, DateOnly feedDate, bool keepAll, int keep, CancellationToken cancellationToken)
    {
        // Duplicates are found by person key; any pepper finds the same ones, and this one never leaves the process.
        var hasher = new PersonKeyHasher(Options.Create(new PersonKeyOptions { Pepper = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }));
        var validator = new FeedRecordValidator(mapping, contentType.Format, hasher, feedDate);
        var rejections = new List<Rejection>();
        var idProblems = new List<Rejection>();
        var warnings = new List<ValueWarning>();
        long received = 0, rejected = 0, kept = 0;
        await using var stream = await OpenAsync(file, contentType, cancellationToken).ConfigureAwait(false);
        try
        {
            await foreach (var row in FeedReader.ReadAsync(stream, contentType, mapping.Encoding, validator.CheckHeader, cancellationToken).ConfigureAwait(false))
            {
                received++;
                if (validator.TryAccept(row, out var record, out _, out var problems))
                {
                    if (record.IdProblem is { } idProblem)
                    {
                        kept++;
                        if (keepAll || idProblems.Count < keep)
                        {
                            idProblems.Add(idProblem);
                        }
                    }

                    warnings.AddRange(record.Warnings.Take(keepAll ? int.MaxValue : Math.Max(0, keep - warnings.Count)));

                    continue;
                }

                rejected++;
                rejections.AddRange(problems.Take(keepAll ? int.MaxValue : Math.Max(0, keep - rejections.Count)));
            }
        }
        catch (FeedFormatException ex)
        {
            // The Hub fails such a file whole: nothing of it is stored, whatever the rows before the fault were.
            return new ValidationReport(mapping.Id, received, 0, rejected, validator.IgnoredColumns, rejections, $"{ex.Message} (row {ex.Row})", kept, idProblems, validator.LikelyCauses, warnings);
        }

        return new ValidationReport(mapping.Id, received, received - rejected, rejected, validator.IgnoredColumns, rejections, null, kept, idProblems, validator.LikelyCauses, warnings);
    }

    /// <summary>The file's stream, or the file inside a <c>.gz</c>; a workbook's is seekable, as its reader needs.</summary>
    internal static async Task<Stream> OpenAsync(FileInfo file, FeedContentType contentType, CancellationToken cancellationToken)
    {
        if (!FeedFileTypes.IsGzip(file.Name))
        {
            return file.OpenRead();
        }

        var gzip = new GZipStream(file.OpenRead(), CompressionMode.Decompress);
        if (contentType.Format != FeedFormat.Xlsx)
        {
            return gzip;
        }

        // A workbook is read by seeking, which a decompressing stream cannot do.
        await using (gzip.ConfigureAwait(false))
        {
            var workbook = new MemoryStream();
            await gzip.CopyToAsync(workbook, cancellationToken).ConfigureAwait(false);
            workbook.Position = 0;
            return workbook;
        }
    }

    private static void Print(CliContext context, ValidationReport report, bool json)
    {
        if (json)
        {
            context.Output.WriteLine(JsonSerializer.Serialize(report, Json));
            return;
        }

        if (report.FailureReason is not null)
        {
            context.Console.WriteLine($"The Hub would fail this file: {report.FailureReason}");
        }

        if (report.IgnoredColumns.Count > 0)
        {
            context.Console.WriteLine($"Columns the mapping of '{report.Source}' does not know (their values would not be stored): {string.Join(", ", report.IgnoredColumns)}");
        }

        foreach (var cause in report.LikelyCauses ?? [])
        {
            context.Console.WriteLine($"Likely cause: {cause.Hint}");
        }

        ReportView.Counts(context.Console, ("Received", report.Received), ("Accepted", report.Accepted), ("Kept without ID", report.KeptForMatching), ("Rejected", report.Rejected));
        ReportView.Rejections(context.Console, report.Rejections, report.Rejected, "--show sets how many are listed");
        if (report.KeptForMatching > 0)
        {
            context.Console.WriteLine("Kept without a usable ID (the Hub matches them by name, birth date and place; the department should still correct the ID):");
            ReportView.Rejections(context.Console, report.IdProblems ?? [], report.KeptForMatching, "--show sets how many are listed");
        }

        if (report.Warnings is { Count: > 0 } warnings)
        {
            context.Console.WriteLine("Invalid optional values the Hub would drop or keep as sent, keeping the row (the row report lists each with its outcome):");
            ReportView.Rejections(context.Console, [.. warnings.Select(w => w.Problem)], warnings.Count, "--show sets how many are listed");
        }
    }
}
