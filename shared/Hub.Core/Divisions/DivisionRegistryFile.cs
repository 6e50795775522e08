using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hub.Core.Kernel;

namespace Hub.Core.Divisions;

/// <summary>
/// Reads and checks a division registry file (JSON; see the README's "Division registry"). Every problem is a finding
/// with its key: an unknown parent, a duplicate code, a successor that is unknown or leads back to itself, a bad date.
/// Any error refuses the file; warnings (a county code GB/T 2260 does not list, a division in force under a retired
/// parent) are reported and the file is taken.
/// </summary>
public static partial class DivisionRegistryFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads <paramref name="content"/>, named <paramref name="file"/> in the findings.</summary>
    public static DivisionRegistryLoad Read(ReadOnlySpan<byte> content, string file)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        DivisionRegistryDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<DivisionRegistryDocument>(content, Json);
        }
        catch (JsonException ex)
        {
            return new DivisionRegistryLoad(null, [Error(file, ex.Path ?? "$", "is not a division registry file: " + FirstSentence(ex.Message), "write the file as the README's \"Division registry\" shows")]);
        }

        return document is null
            ? new DivisionRegistryLoad(null, [Error(file, "$", "is empty", "write the file as the README's \"Division registry\" shows")])
            : Check(document, hash, file);
    }

    /// <summary>Checks a parsed document and builds its registry when nothing is an error.</summary>
    public static DivisionRegistryLoad Check(DivisionRegistryDocument document, string hash, string file)
    {
        ArgumentNullException.ThrowIfNull(document);
        var findings = new List<HubFileFinding>();
        if (string.IsNullOrWhiteSpace(document.Version) || !VersionPattern().IsMatch(document.Version))
        {
            findings.Add(Error(file, "version", "is missing or not 1 to 40 letters, digits, dots, hyphens or underscores", "give the file a version such as 2026.1"));
        }

        var divisions = ReadDivisions(document.Divisions ?? [], file, findings);
        CheckTree(divisions, file, findings);
        var grids = ReadGrids(document.Grids ?? [], divisions, file, findings);
        var registry = findings.Exists(f => f.Severity == FindingSeverity.Error)
            ? null
            : new DivisionRegistry(document.Version!, hash, divisions.Values.Select(d => d.Division), grids);
        return new DivisionRegistryLoad(registry, findings);
    }

    private static Dictionary<DivisionCode, (Division Division, int Index)> ReadDivisions(IReadOnlyList<DivisionRegistryDocument.Entry?> entries, string file, List<HubFileFinding> findings)
    {
        var read = new Dictionary<DivisionCode, (Division, int)>();
        for (var i = 0; i < entries.Count; i++)
        {
            var key = $"divisions[{i}]";
            if (entries[i] is not { } entry)
            {
                findings.Add(Error(file, key, "is empty", "remove it or give its code and name"));
                continue;
            }

            if (!DivisionCode.TryParse(entry.Code, out var code, out var reason))
            {
                findings.Add(Error(file, key + ".code", reason!, "write the county's 6 digits, the street's 9 or the community's 12"));
                continue;
            }

            var ok = true;
            if (string.IsNullOrWhiteSpace(entry.Name) || entry.Name.Length > 60)
            {
                findings.Add(Error(file, key + ".name", "is missing or longer than 60 characters", "give the division's name, e.g. 建外街道"));
                ok = false;
            }

            DivisionCode? parent = null;
            if (entry.Parent is not null)
            {
                ok &= Code(entry.Parent, key + ".parent", file, findings, out parent);
            }

            DivisionCode? successor = null;
            if (entry.Successor is not null)
            {
                ok &= Code(entry.Successor, key + ".successor", file, findings, out successor);
            }

            ok &= Date(entry.ValidFrom, key + ".validFrom", file, findings, out var from);
            ok &= Date(entry.ValidTo, key + ".validTo", file, findings, out var to);
            if (from is not null && to is not null && from > to)
            {
                findings.Add(Error(file, key + ".validTo", "is before validFrom", "give a last day on or after the first"));
                ok = false;
            }

            if (successor is not null && to is null)
            {
                findings.Add(Error(file, key + ".validTo", "is missing: a division with a successor was retired", "give the last day the code was in force"));
                ok = false;
            }

            if (read.TryGetValue(code.Value, out var first))
            {
                findings.Add(Error(file, key + ".code", $"{code.Value.Value} appears twice (also divisions[{first.Item2}])", "keep one entry per code; a change of name is a new version of the file"));
                continue;
            }

            if (ok)
            {
                read[code.Value] = (new Division(code.Value, entry.Name!.Trim(), parent, from, to, successor), i);
            }
        }

        return read;
    }

    private static void CheckTree(Dictionary<DivisionCode, (Division Division, int Index)> divisions, string file, List<HubFileFinding> findings)
    {
        foreach (var (division, index) in divisions.Values.OrderBy(d => d.Index))
        {
            var key = $"divisions[{index}]";
            if (division.Level == DivisionLevel.County)
            {
                if (division.Parent is not null)
                {
                    findings.Add(Error(file, key + ".parent", "is given for a county; counties are the registry's top level", "remove the parent"));
                }

                if (!AddressCodes.Contains(division.Code.County))
                {
                    findings.Add(Warning(file, key + ".code", $"{division.Code.County} is not a county code of GB/T 2260", "check the code against GB/T 2260"));
                }
            }
            else if (division.Parent is not { } parent)
            {
                findings.Add(Error(file, key + ".parent", "is missing", "give the code of the county a street lies in, or the street a community lies in"));
            }
            else if (!divisions.TryGetValue(parent, out var above))
            {
                findings.Add(Error(file, key + ".parent", $"{parent.Value} is not a division of the file", "add the parent, or correct the code"));
            }
            else if (above.Division.Level != division.Level - 1 || !parent.Contains(division.Code))
            {
                findings.Add(Error(file, key + ".parent", $"{parent.Value} is not the {DivisionRegistry.LevelName(division.Level - 1)} whose code {division.Code.Value} starts with", "give the division's own county or street"));
            }
            else if (above.Division.IsRetired && !division.IsRetired)
            {
                findings.Add(Warning(file, key + ".parent", $"{parent.Value} was retired while this division is in force", "retire it too (with its successor), or move it to the parent's successor"));
            }

            if (division.Successor is { } successor)
            {
                CheckSuccessor(division, successor, divisions, file, key, findings);
            }
        }
    }

    private static void CheckSuccessor(Division division, DivisionCode successor, Dictionary<DivisionCode, (Division Division, int Index)> divisions, string file, string key, List<HubFileFinding> findings)
    {
        if (!divisions.TryGetValue(successor, out var next))
        {
            findings.Add(Error(file, key + ".successor", $"{successor.Value} is not a division of the file", "add the successor, or correct the code"));
            return;
        }

        if (next.Division.Level != division.Level)
        {
            findings.Add(Error(file, key + ".successor", $"{successor.Value} is a {DivisionRegistry.LevelName(next.Division.Level)}, not a {DivisionRegistry.LevelName(division.Level)}", "name a division of the same level"));
            return;
        }

        var seen = new HashSet<DivisionCode> { division.Code };
        for (DivisionCode? current = successor; current is { } c; current = divisions.TryGetValue(c, out var d) ? d.Division.Successor : null)
        {
            if (!seen.Add(c))
            {
                findings.Add(Error(file, key + ".successor", $"leads back to {c.Value}: successors must not form a cycle", "name the division that is in force now"));
                return;
            }
        }
    }

    private static List<DivisionGrid> ReadGrids(IReadOnlyList<DivisionRegistryDocument.GridEntry?> entries, Dictionary<DivisionCode, (Division Division, int Index)> divisions, string file, List<HubFileFinding> findings)
    {
        var grids = new Dictionary<(DivisionCode, GridCode), int>();
        var read = new List<DivisionGrid>();
        for (var i = 0; i < entries.Count; i++)
        {
            var key = $"grids[{i}]";
            if (entries[i] is not { } entry)
            {
                findings.Add(Error(file, key, "is empty", "remove it or give its community, code and name"));
                continue;
            }

            if (!DivisionCode.TryParse(entry.Community, out var community, out var reason) || community.Value.Level != DivisionLevel.Community)
            {
                findings.Add(Error(file, key + ".community", reason ?? "is not a community's 12-digit code", "give the 12-digit code of the grid's community"));
                continue;
            }

            if (!divisions.TryGetValue(community.Value, out var known))
            {
                findings.Add(Error(file, key + ".community", $"{community.Value.Value} is not a division of the file", "add the community, or correct the code"));
                continue;
            }

            if (!GridCode.TryParse(entry.Code, out var grid))
            {
                findings.Add(Error(file, key + ".code", "is not 1 to 20 letters, digits or hyphens", "give the grid's code, e.g. G03"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(entry.Name) || entry.Name.Length > 60)
            {
                findings.Add(Error(file, key + ".name", "is missing or longer than 60 characters", "give the grid's name, e.g. 第三网格"));
                continue;
            }

            if (!grids.TryAdd((community.Value, grid.Value), i))
            {
                findings.Add(Error(file, key + ".code", $"{grid.Value.Value} of {community.Value.Value} appears twice (also grids[{grids[(community.Value, grid.Value)]}])", "keep one entry per grid of a community"));
                continue;
            }

            if (known.Division.IsRetired)
            {
                findings.Add(Warning(file, key + ".community", $"{community.Value.Value} was retired", "move the grid to the community's successor"));
            }

            read.Add(new DivisionGrid(community.Value, grid.Value, entry.Name.Trim()));
        }

        return read;
    }

    private static bool Code(string text, string key, string file, List<HubFileFinding> findings, out DivisionCode? code)
    {
        if (DivisionCode.TryParse(text, out code, out var reason))
        {
            return true;
        }

        findings.Add(Error(file, key, reason!, "write a 6-, 9- or 12-digit division code"));
        return false;
    }

    private static bool Date(string? text, string key, string file, List<HubFileFinding> findings, out DateOnly? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            date = day;
            return true;
        }

        findings.Add(Error(file, key, "is not a date", "write the day as yyyy-MM-dd"));
        return false;
    }

    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.');

    private static HubFileFinding Error(string file, string key, string problem, string fix) => new(FindingSeverity.Error, file, key, problem, fix);

    private static HubFileFinding Warning(string file, string key, string problem, string fix) => new(FindingSeverity.Warning, file, key, problem, fix);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
