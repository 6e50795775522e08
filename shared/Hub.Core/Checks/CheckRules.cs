using System.Text.Json;
using Hub.Core.Profiles;

namespace Hub.Core.Checks;

/// <summary>
/// The cross-department checks, loaded from a rules file beside the profile and match rules. Each rule is data: a
/// condition over the profile, never code, so a new check is a new entry of the file.
/// </summary>
public sealed record CheckRules
{
    /// <summary>The checks, in the file's order.</summary>
    public IReadOnlyList<CheckRule> Checks { get; init; } = [];

    /// <summary>The check with id <paramref name="id"/>, or null.</summary>
    public CheckRule? Find(string id) => Checks.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));

    /// <summary>Reads and validates a checks file against <paramref name="profiles"/>; errors name the file and the check.</summary>
    public static CheckRules Load(string file, ProfileRules profiles)
    {
        string json;
        try
        {
            json = File.ReadAllText(file);
        }
        catch (IOException ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidDataException($"The checks file '{file}' does not exist.", ex);
        }

        return Parse(json, profiles, $"checks file '{file}'");
    }

    /// <summary>Reads and validates checks from JSON text; <paramref name="origin"/> names it in errors.</summary>
    public static CheckRules Parse(string json, ProfileRules profiles, string origin = "checks document")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(profiles);
        CheckRules? rules;
        try
        {
            rules = JsonSerializer.Deserialize<CheckRules>(json, ProfileRules.JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The {origin} is not valid: {ex.Message}", ex);
        }

        if (rules is null)
        {
            throw new InvalidDataException($"The {origin} is empty.");
        }

        var errors = CheckRulesValidator.Validate(rules, profiles);
        return errors.Count == 0 ? rules : throw new InvalidDataException($"The {origin} is invalid: {string.Join("; ", errors)}");
    }

    /// <summary>Lists what is wrong with <paramref name="rules"/> under <paramref name="profiles"/>; each error names the check. Empty when they are valid.</summary>
    public static IReadOnlyList<string> Validate(CheckRules rules, ProfileRules profiles) => CheckRulesValidator.Validate(rules, profiles);
}
