using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Hub.Core;
using Hub.Core.Access;
using Hub.Core.Divisions;

namespace Hub.Cli;

/// <summary>
/// <c>hub divisions list</c>, <c>show</c>, <c>check</c> and <c>load</c>: the division registry by name, and a new
/// version of it checked offline before an administrator loads it.
/// </summary>
internal static class DivisionsCommand
{
    private const string City = "110100000000";

    public static Command Create(CliContext context)
    {
        var command = new Command("divisions", "The division registry: districts, streets, communities and grids by name; check a registry file offline and load it as the version in force.");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Check(context));
        command.Subcommands.Add(Load(context));
        return command;
    }

    private static Command List(CliContext context)
    {
        var parent = new Option<string?>("--parent") { Description = "Only the divisions directly under this one (a district's streets, a street's communities)" };
        var json = new Option<bool>("--json") { Description = "Print the Hub's answer as JSON" };
        var connection = new HubConnectionOptions();
        var command = new Command("list", "List the divisions of the registry in force, with their names and paths.") { parent, json };
        connection.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var client = await connection.ConnectAsync(parsed, HubRoles.DistrictOfficer, "110105000000", context).ConfigureAwait(false);
            var answer = await client.ListDivisionsAsync(parsed.GetValue(parent), cancellationToken).ConfigureAwait(false);
            if (parsed.GetValue(json))
            {
                await context.Output.WriteLineAsync(answer.Json).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var divisions = answer.Value.GetProperty("divisions").EnumerateArray().ToList();
            await PlainTable.WriteAsync(context.Output, ["CODE", "NAME", "LEVEL", "IN FORCE", "PATH"], divisions.Select(d => (IReadOnlyList<string>)
                [Text(d, "code"), Text(d, "name"), Text(d, "level"), Validity(d), Text(d, "fullName")])).ConfigureAwait(false);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{divisions.Count} divisions; registry {Text(answer.Value, "version")}.")).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var code = new Argument<string>("code") { Description = "The division's code: 6 digits (district), 9 (street) or 12 (community)" };
        var json = new Option<bool>("--json") { Description = "Print the Hub's answer as JSON" };
        var connection = new HubConnectionOptions();
        var command = new Command("show", "Show one division: its path, validity, successor, what was merged into it, its streets, communities or grids.") { code, json };
        connection.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var client = await connection.ConnectAsync(parsed, HubRoles.DistrictOfficer, "110105000000", context).ConfigureAwait(false);
            var answer = await client.GetDivisionAsync(parsed.GetValue(code)!, cancellationToken).ConfigureAwait(false);
            if (parsed.GetValue(json))
            {
                await context.Output.WriteLineAsync(answer.Json).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var view = answer.Value;
            var division = view.GetProperty("division");
            var output = context.Output;
            await output.WriteLineAsync($"{Text(division, "fullName")} ({Text(division, "code")}, {Text(division, "level")})").ConfigureAwait(false);
            await output.WriteLineAsync($"In force: {Validity(division)}").ConfigureAwait(false);
            if (Text(division, "successor") is { Length: > 0 } successor)
            {
                await output.WriteLineAsync($"Merged into {successor}; lies today in {Text(view, "current")}.").ConfigureAwait(false);
            }

            var predecessors = view.GetProperty("predecessors").EnumerateArray().Select(p => p.GetString()).ToList();
            if (predecessors.Count > 0)
            {
                await output.WriteLineAsync($"Merged into it: {string.Join(", ", predecessors)}").ConfigureAwait(false);
            }

            var children = view.GetProperty("children").EnumerateArray().ToList();
            if (children.Count > 0)
            {
                await PlainTable.WriteAsync(output, ["CODE", "NAME", "LEVEL", "IN FORCE"], children.Select(c => (IReadOnlyList<string>)[Text(c, "code"), Text(c, "name"), Text(c, "level"), Validity(c)])).ConfigureAwait(false);
            }

            var grids = view.GetProperty("grids").EnumerateArray().ToList();
            if (grids.Count > 0)
            {
                await PlainTable.WriteAsync(output, ["GRID", "NAME"], grids.Select(g => (IReadOnlyList<string>)[Text(g, "code"), Text(g, "name")])).ConfigureAwait(false);
            }

            await output.WriteLineAsync($"Registry {Text(view, "version")}.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Check(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "A division registry file (JSON; see the README's \"Division registry\")" }.AcceptExistingOnly();
        var command = new Command("check", "Check a division registry file offline, as the Hub checks it before loading; exit 1 on errors.") { file };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var (load, _) = await ReadAsync(parsed.GetValue(file)!, context, cancellationToken).ConfigureAwait(false);
            return load.Registry is null ? ExitCodes.Failed : ExitCodes.Success;
        });
        return command;
    }

    private static Command Load(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "A division registry file (JSON) with a version not loaded before" }.AcceptExistingOnly();
        var connection = new HubConnectionOptions();
        var command = new Command("load", "Check a division registry file and load it as the version in force (administrators; audited as a policy change).") { file };
        connection.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var (load, bytes) = await ReadAsync(parsed.GetValue(file)!, context, cancellationToken).ConfigureAwait(false);
            if (load.Registry is null)
            {
                return ExitCodes.Failed;
            }

            using var client = await connection.ConnectAsync(parsed, HubRoles.Administrator, City, context).ConfigureAwait(false);
            var answer = (await client.LoadDivisionsAsync(bytes, cancellationToken).ConfigureAwait(false)).Value;
            await context.Output.WriteLineAsync(Text(answer, "outcome") == "loaded"
                ? $"Division registry {Text(answer, "version")} is in force: {Text(answer, "divisionCount")} divisions, {Text(answer, "gridCount")} grids."
                : $"Division registry {Text(answer, "version")} was in force already; nothing changed.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    // Reads and checks the file, printing each finding and a summary line.
    private static async Task<(DivisionRegistryLoad Load, byte[] Bytes)> ReadAsync(FileInfo file, CliContext context, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        var load = DivisionRegistryFile.Read(bytes, file.Name);
        foreach (var finding in load.Findings)
        {
            var writer = finding.Severity == FindingSeverity.Error ? context.Error : context.Output;
            await writer.WriteLineAsync(finding.Line).ConfigureAwait(false);
        }

        var errors = load.Findings.Count(f => f.Severity == FindingSeverity.Error);
        await (errors == 0 ? context.Output : context.Error).WriteLineAsync(load.Registry is { } registry
            ? string.Create(CultureInfo.InvariantCulture, $"{file.Name}: registry {registry.Version}, {registry.Divisions.Count} divisions, {registry.Grids.Count} grids, {load.Findings.Count} warning(s).")
            : string.Create(CultureInfo.InvariantCulture, $"{file.Name}: {errors} error(s); nothing loaded.")).ConfigureAwait(false);
        return (load, bytes);
    }

    private static string Validity(JsonElement division)
    {
        var from = Text(division, "validFrom");
        var to = Text(division, "validTo");
        return (from, to) switch
        {
            ("", "") => "yes",
            (_, "") => $"since {from}",
            ("", _) => $"until {to}",
            _ => $"{from} to {to}",
        };
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : string.Empty;
}
