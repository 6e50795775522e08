using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Hub.Cli.Drafting;
using Hub.Core;
using Hub.Core.Feeds.Reading;
using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;

namespace Hub.Cli;

/// <summary>
/// <c>hub sources draft</c>: proposes a mapping file from a sample export, for the operator to edit. The sample is read
/// with the Hub's own readers and nothing of it is printed or written but counts, shapes, header names and the labels
/// of short code columns.
/// </summary>
internal static partial class SourcesDraftCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "A sample export: .csv, .xlsx, .json, .ndjson or .jsonl (or any of them .gz)" }.AcceptExistingOnly();
        var source = SourceOptions.Optional("The new source's id (default: from the file name)");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to write the draft (default: SOURCE.json in the current folder)" };
        var force = new Option<bool>("--force") { Description = "Overwrite the output file if it exists" };
        var charset = new Option<string?>("--charset") { Description = "The CSV file's encoding when the Hub's guess would be wrong: utf-8 or gb18030 (gbk and gb2312 read alike)" };
        var sheet = new Option<string?>("--sheet") { Description = "The workbook's sheet to read (default: the first, the one the Hub reads)" };
        var rows = new Option<int>("--rows") { Description = "How many rows to look at", DefaultValueFactory = _ => 2000 };
        rows.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1_000_000)
            {
                r.AddError("--rows must be between 1 and 1,000,000.");
            }
        });
        var folder = new Option<string?>("--sources-folder") { Description = "Folder of mapping files whose headers and code lists the draft knows (default: functions/Hub.Functions/sources of the repository around the current folder, else the tool's own copy)" };
        var json = new Option<bool>("--json") { Description = "Print what was done as JSON (columns, reasons, the draft's check), never a value" };
        var command = new Command("draft", "Propose a mapping file from a sample export: each field with the reason it was chosen, ignored columns with theirs; nothing of the sample but counts, header names and short code lists is written.")
        {
            file, source, output, force, charset, sheet, rows, folder, json,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var path = parsed.GetValue(file)!;
            var request = new DraftRequest(path, parsed.GetValue(source), parsed.GetValue(output), parsed.GetValue(force), parsed.GetValue(charset), parsed.GetValue(sheet), parsed.GetValue(rows), parsed.GetValue(folder), parsed.GetValue(json));
            return await RunAsync(context, request, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, DraftRequest request, CancellationToken cancellationToken)
    {
        var type = FeedFileTypes.Infer(request.File.Name);
        if (type is null)
        {
            return await HubCli.UsageAsync(context, $"Cannot tell the sample's format from '{request.File.Extension}'; the Hub reads .csv, .xlsx, .json, .ndjson and .jsonl files.").ConfigureAwait(false);
        }

        if (request.Charset is not null && (type != FeedFileTypes.Csv || CharsetEncoding.Resolve(request.Charset) is null))
        {
            return await HubCli.UsageAsync(context, type != FeedFileTypes.Csv ? "--charset applies to CSV files only: JSON is UTF-8 and a workbook holds its own encoding." : "--charset must be utf-8 or gb18030 (gbk and gb2312 read alike).").ConfigureAwait(false);
        }

        if (request.Sheet is not null && type != FeedFileTypes.Xlsx)
        {
            return await HubCli.UsageAsync(context, "--sheet applies to XLSX workbooks only.").ConfigureAwait(false);
        }

        if (!FeedContentType.TryParse(request.Charset is null ? type : $"{type}; charset={request.Charset}", out var contentType))
        {
            return await HubCli.UsageAsync(context, $"Cannot read '{request.File.Extension}' files.").ConfigureAwait(false);
        }
        var sourcesFolder = SourcesFolder.Resolve(request.SourcesFolder, Environment.CurrentDirectory);
        var findings = new List<HubFileFinding>();
        if (HubFilesCheck.LoadSources(sourcesFolder, findings) is not { } catalog)
        {
            foreach (var finding in findings)
            {
                await context.Error.WriteLineAsync(finding.Line).ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync("Cannot load the source mappings the draft learns headers from; 'hub sources check' checks them.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        var sourceId = request.Source ?? SourceFromFileName(request.File.Name);
        var output = request.Output?.FullName ?? Path.Combine(Environment.CurrentDirectory, sourceId + ".json");
        if (File.Exists(output) && !request.Force)
        {
            return await HubCli.UsageAsync(context, $"{output} exists; give another --output, or --force to overwrite it.").ConfigureAwait(false);
        }

        var sheet = request.Sheet;
        if (sheet is not null)
        {
            var names = await DraftSampleReader.SheetNamesAsync(request.File, contentType, cancellationToken).ConfigureAwait(false);
            if (!names.Contains(sheet, StringComparer.Ordinal))
            {
                return await HubCli.UsageAsync(context, $"The workbook has no sheet '{sheet}'; its sheets are: {string.Join(", ", names)}.").ConfigureAwait(false);
            }

            sheet = names[0] == sheet ? null : sheet;
        }

        DraftSample sample;
        try
        {
            sample = await DraftSampleReader.ReadAsync(request.File, contentType, sheet, request.Rows, cancellationToken).ConfigureAwait(false);
        }
        catch (FeedFormatException ex)
        {
            await context.Error.WriteLineAsync($"The Hub would fail this file whole, so there is nothing to draft from: {ex.Message} (row {ex.Row}).").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        if (MappingDrafter.HeaderProblem(sample) is { } problem)
        {
            await context.Error.WriteLineAsync($"Cannot draft a mapping: {problem}.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        if (catalog.TryGet(sourceId, out _))
        {
            await context.Error.WriteLineAsync($"Note: a mapping of source '{sourceId}' exists in {sourcesFolder}; the draft is a new proposal for it, to compare before it replaces that file.").ConfigureAwait(false);
        }

        var today = ChinaStandardTime.DateOf(context.Time.GetUtcNow());
        var settings = new DraftSettings(sourceId, Path.GetFileNameWithoutExtension(Stem(request.File.Name)), request.Charset is null ? "auto" : CharsetName(request.Charset), EncodingReason(sample, request.Charset), today);
        var draft = MappingDrafter.Draft(sample, AttributeKnowledge.From(catalog), settings);
        var text = DraftFileWriter.Write(draft, sample);
        var (mapping, errors) = Check(text);
        await File.WriteAllTextAsync(output, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken).ConfigureAwait(false);

        DraftTrial? trial = null;
        if (mapping is not null && errors.Count == 0 && sheet is null)
        {
            var validation = await ValidateCommand.ValidateAsync(request.File, contentType, mapping, today, keepAll: false, keep: 0, cancellationToken).ConfigureAwait(false);
            trial = new DraftTrial(validation.Received, validation.Accepted, validation.Rejected, validation.KeptForMatching, Hide(validation.FailureReason, sample));
        }

        var report = new DraftReport(sourceId, sample.FileName, sample.Reading, sample.Rows.Count, sample.Truncated, sample.Unreadable,
            draft.Identity == SourceIdentity.None ? "none" : "residentId", draft.IdentityReason, draft.RecordKey, draft.Columns, output, errors, trial);
        if (request.Json)
        {
            await context.Output.WriteLineAsync(JsonSerializer.Serialize(report, Json)).ConfigureAwait(false);
        }
        else
        {
            DraftView.Print(context.Console, report);
        }

        return errors.Count == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>Reads the draft back as the Hub reads a mapping file and checks it as the Hub's start does.</summary>
    private static (SourceMapping? Mapping, IReadOnlyList<string> Errors) Check(string text)
    {
        try
        {
            var mapping = JsonSerializer.Deserialize<SourceMapping>(text, SourceCatalog.JsonOptions)!;
            return (mapping, SourceCatalog.Validate(mapping));
        }
        catch (JsonException ex)
        {
            return (null, [$"the draft is not a valid mapping file: {ex.Message}"]);
        }
    }

    /// <summary>A reason with every header that looks like a value replaced by its position: such a header is never shown.</summary>
    private static string? Hide(string? reason, DraftSample sample)
    {
        for (var i = 0; reason is not null && i < sample.Columns.Count; i++)
        {
            if (sample.Columns[i].Trim().Length > 0 && ValueShapes.LooksLikeValue(sample.Columns[i]))
            {
                reason = reason.Replace(sample.Columns[i].Trim(), $"(column {i + 1})", StringComparison.Ordinal);
            }
        }

        return reason;
    }

    private static string EncodingReason(DraftSample sample, string? charset) => sample.Format switch
    {
        FeedFormat.Csv when charset is not null => $"The sample is {sample.Reading}; the mapping says so, for files sent without a charset or a byte order mark.",
        FeedFormat.Csv => $"The sample is {sample.Reading}. 'auto' reads a CSV file sent without a charset as UTF-8 when it has a byte order mark or reads as UTF-8, and as GB18030 otherwise.",
        _ => $"The sample is {sample.Reading}; the encoding applies to CSV files only (JSON is UTF-8, a workbook holds its own).",
    };

    private static string CharsetName(string charset) => CharsetEncoding.Resolve(charset)!.CodePage == Encoding.UTF8.CodePage ? "utf-8" : "gb18030";

    private static string Stem(string name) => FeedFileTypes.IsGzip(name) ? name[..^3] : name;

    /// <summary>A source id from the file name: lower-case letters, digits and hyphens, starting with a letter; new-source when none are left.</summary>
    internal static string SourceFromFileName(string name)
    {
        var slug = NotIdCharacters().Replace(Path.GetFileNameWithoutExtension(Stem(name)).ToLowerInvariant(), "-").Trim('-');
        slug = slug.TrimStart('-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        slug = slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
        return SourceId.TryParse(slug, out _) ? slug : "new-source";
    }

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotIdCharacters();

    private sealed record DraftRequest(FileInfo File, string? Source, FileInfo? Output, bool Force, string? Charset, string? Sheet, int Rows, string? SourcesFolder, bool Json);
}
