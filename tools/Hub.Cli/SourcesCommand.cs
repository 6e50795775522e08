using System.CommandLine;
using Hub.Core;

namespace Hub.Cli;

/// <summary><c>hub sources</c>: works on the Hub's files offline, before they ship.</summary>
internal static class SourcesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("sources", "Work on source mappings offline: draft one from a sample export; check them with the rules and the policy, as the Hub's start would.");
        command.Subcommands.Add(CreateCheck(context));
        command.Subcommands.Add(SourcesDraftCommand.Create(context));
        return command;
    }

    private static Command CreateCheck(CliContext context)
    {
        var folder = new Argument<DirectoryInfo>("folder")
        {
            Description = "The Hub's folder (holding sources/, rules/ and policy/, e.g. functions/Hub.Functions), or its sources folder",
        }.AcceptExistingOnly();
        var rules = new Option<FileInfo?>("--rules") { Description = "The profile rules file (default: rules/profiles.json of the folder)" };
        var matching = new Option<FileInfo?>("--matching") { Description = "The match rules file (default: rules/matching.json of the folder)" };
        var policy = new Option<FileInfo?>("--policy") { Description = "The access policy file (default: policy/access.json of the folder)" };
        var command = new Command("check", "Check mappings, profile and match rules and the access policy together, offline, exactly as the Hub's start does; exit 1 on errors.")
        {
            folder, rules, matching, policy,
        };
        command.SetAction(async (parsed, _) =>
        {
            var files = HubFiles.InFolder(parsed.GetValue(folder)!.FullName);
            files = files with
            {
                ProfileRulesFile = parsed.GetValue(rules)?.FullName ?? files.ProfileRulesFile,
                MatchRulesFile = parsed.GetValue(matching)?.FullName ?? files.MatchRulesFile,
                AccessPolicyFile = parsed.GetValue(policy)?.FullName ?? files.AccessPolicyFile,
            };
            var report = HubFilesCheck.Run(files);
            await PrintAsync(context, report).ConfigureAwait(false);
            return report.HasErrors ? ExitCodes.Failed : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Prints each finding on its own line, with the file relative to the current folder.</summary>
    internal static async Task PrintAsync(CliContext context, HubFilesReport report)
    {
        foreach (var finding in report.Findings)
        {
            var relative = Path.GetRelativePath(Environment.CurrentDirectory, finding.File);
            var shown = relative.StartsWith("..", StringComparison.Ordinal) ? finding : finding with { File = relative };
            var writer = finding.Severity == FindingSeverity.Error ? context.Error : context.Output;
            await writer.WriteLineAsync(shown.Line).ConfigureAwait(false);
        }

        var errors = report.Findings.Count(f => f.Severity == FindingSeverity.Error);
        var warnings = report.Findings.Count - errors;
        var sources = report.Sources is { } catalog ? string.Join(", ", catalog.All.Select(s => s.Id)) : "none loaded";
        await context.Output.WriteLineAsync(errors == 0
            ? $"The Hub would start: {warnings} warning(s); sources: {sources}."
            : $"The Hub would not start: {errors} error(s), {warnings} warning(s).").ConfigureAwait(false);
    }
}
