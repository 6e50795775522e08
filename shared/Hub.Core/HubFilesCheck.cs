using System.Text.Json;
using Hub.Core.Access;
using Hub.Core.Feeds.Sources;
using Hub.Core.Identity.Matching;
using Hub.Core.Profiles;

namespace Hub.Core;

/// <summary>
/// Checks the Hub's files together, offline, exactly as its start does: the Hub's start and <c>hub sources check</c>
/// both run it. A file that cannot be read or contradicts itself is an error and stops the start; a rule or policy
/// entry naming an attribute no mapping provides yet is a warning, so files that depend on each other can be changed
/// one at a time (a department onboarded later, an export without a column).
/// </summary>
public static class HubFilesCheck
{
    private const string MappingFix = "correct the mapping file (README, 'Sources are mapping files')";
    private const string RulesFix = "correct the profile rules file (README, 'Profiles are derived by rules')";
    private const string MatchFix = "correct the match rules file (README, 'Person matching')";
    private const string PolicyFix = "correct the access policy file (README, 'What each role is given: the access policy')";

    /// <summary>Loads and checks every file; never throws for a problem of the files themselves.</summary>
    public static HubFilesReport Run(HubFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var findings = new List<HubFileFinding>();
        var sources = LoadSources(files.SourcesFolder, findings);
        var rules = LoadDocument<ProfileRules>(files.ProfileRulesFile, ProfileRulesOptions.SectionName + ":Path", ProfileRules.JsonOptions, ProfileRules.Validate, RulesFix, findings);
        var match = LoadMatchRules(files.MatchRulesFile, findings);
        var policy = LoadDocument<AccessPolicy>(files.AccessPolicyFile, AccessPolicyOptions.SectionName + ":PolicyPath", AccessPolicy.JsonOptions, AccessPolicy.Validate, PolicyFix, findings);
        if (sources is not null && rules is not null)
        {
            CheckRulesAgainst(files.ProfileRulesFile, rules, sources, findings);
        }

        if (sources is not null && policy is not null)
        {
            foreach (var problem in policy.CheckAgainst(new FieldCatalogue(sources)))
            {
                var (key, text) = Split(problem);
                findings.Add(new(FindingSeverity.Warning, files.AccessPolicyFile, key, text + "; the mask waits for a mapping that provides it", "map a column to the attribute in a source mapping, or remove the mask if the name is misspelt"));
            }
        }

        return new HubFilesReport(files, sources, rules, match, policy, [.. findings.OrderBy(f => f.Severity)]);
    }

    /// <summary>Loads and checks the source mapping files of <paramref name="folder"/> alone (what <c>hub validate</c> needs).</summary>
    public static SourceCatalog? LoadSources(string folder, List<HubFileFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (!Directory.Exists(folder))
        {
            findings.Add(new(FindingSeverity.Error, folder, SourceCatalogOptions.SectionName + ":Path", "the source mapping folder does not exist", "set Hub:Sources:Path to the folder of mapping files"));
            return null;
        }

        var mappings = new List<SourceMapping>();
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var broken = false;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var mapping = Deserialize<SourceMapping>(file, SourceCatalog.JsonOptions, MappingFix, findings);
            if (mapping is null)
            {
                broken = true;
                continue;
            }

            var errors = SourceCatalog.Validate(mapping);
            foreach (var error in errors)
            {
                var (key, fix) = MappingErrors.KeyAndFix(error);
                findings.Add(new(FindingSeverity.Error, file, key, error, fix ?? MappingFix));
            }

            if (!files.TryAdd(mapping.Id, file))
            {
                findings.Add(new(FindingSeverity.Error, file, "id", $"'{mapping.Id}' is also the id of {Path.GetFileName(files[mapping.Id])}", "give each mapping file its own id"));
                broken = true;
                continue;
            }

            broken |= errors.Count > 0;
            mappings.Add(mapping);
        }

        return broken ? null : new SourceCatalog(mappings);
    }

    private static void CheckRulesAgainst(string file, ProfileRules rules, SourceCatalog sources, List<HubFileFinding> findings)
    {
        foreach (var problem in rules.CheckAgainst(sources))
        {
            var (key, text) = Split(problem);
            findings.Add(new(FindingSeverity.Warning, file, key, text + "; the rule waits for a mapping that provides it", "map a column to it in the source's mapping file, or correct the rule if the name is misspelt"));
        }

        var named = rules.Attributes.Values.SelectMany(a => a.Sources)
            .Concat(rules.Groups.Select(g => g.Source))
            .Concat(rules.Residence.From.Concat(rules.Registration.From).Select(f => f.Source))
            .Distinct(StringComparer.Ordinal)
            .Where(s => !sources.TryGet(s, out _))
            .Order(StringComparer.Ordinal);
        foreach (var source in named)
        {
            findings.Add(new(FindingSeverity.Warning, file, $"source '{source}'", "the rules name a source that has no mapping file; its rules wait for its first mapping", $"add a mapping file with id '{source}' when the department is onboarded"));
        }
    }

    private static T? LoadDocument<T>(string file, string configurationKey, JsonSerializerOptions options, Func<T, IReadOnlyList<string>> validate, string fix, List<HubFileFinding> findings)
        where T : class
    {
        if (!File.Exists(file))
        {
            findings.Add(new(FindingSeverity.Error, file, configurationKey, "the file does not exist", $"set {configurationKey} to an existing file"));
            return null;
        }

        var document = Deserialize<T>(file, options, fix, findings);
        if (document is null)
        {
            return null;
        }

        var errors = validate(document);
        foreach (var error in errors)
        {
            var (key, text) = Split(error);
            findings.Add(new(FindingSeverity.Error, file, key, text, fix));
        }

        return errors.Count == 0 ? document : null;
    }

    private static MatchRules? LoadMatchRules(string file, List<HubFileFinding> findings)
    {
        if (!File.Exists(file))
        {
            findings.Add(new(FindingSeverity.Error, file, MatchRulesOptions.SectionName + ":Path", "the file does not exist", $"set {MatchRulesOptions.SectionName}:Path to an existing file"));
            return null;
        }

        try
        {
            return MatchRules.LoadFile(file);
        }
        catch (InvalidDataException ex)
        {
            // The match rules list their errors in one message: "…: key: problem; key: problem."
            var message = ex.InnerException?.Message ?? ex.Message;
            var start = message.IndexOf(": ", StringComparison.Ordinal);
            foreach (var error in (start < 0 ? message : message[(start + 2)..]).TrimEnd('.').Split("; "))
            {
                var (key, text) = Split(error);
                findings.Add(new(FindingSeverity.Error, file, key, text, MatchFix));
            }

            return null;
        }
    }

    private static T? Deserialize<T>(string file, JsonSerializerOptions options, string fix, List<HubFileFinding> findings)
        where T : class
    {
        try
        {
            using var stream = File.OpenRead(file);
            var document = JsonSerializer.Deserialize<T>(stream, options);
            if (document is null)
            {
                findings.Add(new(FindingSeverity.Error, file, "(document)", "the file holds null", fix));
            }

            return document;
        }
        catch (JsonException ex)
        {
            var key = ex.Path is { Length: > 0 } path ? path.TrimStart('$').TrimStart('.') : "(document)";
            var line = ex.LineNumber is { } n ? $" (line {n + 1})" : string.Empty;
            findings.Add(new(FindingSeverity.Error, file, key.Length == 0 ? "(document)" : key, $"is not valid{line}: {FirstSentence(ex.Message)}", fix));
            return null;
        }
        catch (IOException ex)
        {
            findings.Add(new(FindingSeverity.Error, file, "(document)", $"cannot be read: {ex.Message}", "make the file readable by the Hub"));
            return null;
        }
    }

    // Rule and policy errors start with their key ("groups[7].details: …"); mapping errors name their key in words.
    private static (string Key, string Text) Split(string error)
    {
        var colon = error.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 ? (error[..colon], error[(colon + 2)..]) : ("(document)", error);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).Trim();
    }
}
