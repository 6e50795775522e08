using System.Text.RegularExpressions;
using Hub.Core.Kernel;

namespace Hub.Core.Profiles;

/// <summary>Checks profile rules; every error starts with the path of the rule it is about.</summary>
internal static partial class ProfileRulesValidator
{
    public static IReadOnlyList<string> Validate(ProfileRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var errors = new List<string>();
        if (rules.UtcOffsetHours is < -12 or > 14)
        {
            errors.Add("utcOffsetHours: must be between -12 and 14");
        }

        foreach (var (attribute, rule) in rules.Attributes ?? new Dictionary<string, AttributeRule>())
        {
            ValidateAttributeRule(errors, $"attributes.{attribute}", attribute, rule);
        }

        CheckAttributeList(errors, "recordAttributes", rules.RecordAttributes);
        CheckAttribute(errors, "personStatusAttribute", rules.PersonStatusAttribute);
        CheckAttribute(errors, "deathDateAttribute", rules.DeathDateAttribute);
        CheckAttribute(errors, "movedOutOnAttribute", rules.MovedOutOnAttribute);

        var groups = rules.Groups ?? [];
        for (var i = 0; i < groups.Count; i++)
        {
            ValidateGroupRule(errors, $"groups[{i}]", groups[i]);
        }

        foreach (var duplicate in groups.Where(g => g is not null)
            .GroupBy(g => $"{g.Group}|{g.Source}|{g.Attribute}|{string.Join(',', (g.Values ?? []).Order(StringComparer.Ordinal))}", StringComparer.Ordinal)
            .Where(g => g.Count() > 1))
        {
            errors.Add($"groups: group '{duplicate.First().Group}' is defined twice for the same facts of source '{duplicate.First().Source}'");
        }

        ValidatePlaceRule(errors, "residence", rules.Residence);
        ValidatePlaceRule(errors, "registration", rules.Registration);
        if (rules.Household is null)
        {
            errors.Add("household: must not be null");
        }
        else
        {
            CheckAttribute(errors, "household.number", rules.Household.Number);
            CheckAttribute(errors, "household.relation", rules.Household.Relation);
        }

        return errors;
    }

    private static void ValidateAttributeRule(List<string> errors, string path, string attribute, AttributeRule? rule)
    {
        CheckAttribute(errors, path, attribute);
        if (rule is null)
        {
            errors.Add($"{path}: must not be null");
            return;
        }

        var sources = rule.Sources ?? [];
        if (rule.Survivorship == Survivorship.Authoritative && sources.Count == 0)
        {
            errors.Add($"{path}: authoritative survivorship needs at least one source");
        }

        if (rule.Survivorship == Survivorship.MostRecent && (sources.Count > 0 || rule.Fallback != SurvivorshipFallback.MostRecent))
        {
            errors.Add($"{path}: mostRecent survivorship takes neither sources nor a fallback");
        }

        if (!Enum.IsDefined(rule.Survivorship) || !Enum.IsDefined(rule.Fallback))
        {
            errors.Add($"{path}: survivorship or fallback is not a known value");
        }

        CheckSources(errors, $"{path}.sources", sources);
    }

    private static void ValidateGroupRule(List<string> errors, string path, GroupRule? rule)
    {
        if (rule is null)
        {
            errors.Add($"{path}: must not be null");
            return;
        }

        if (!GroupId.TryParse(rule.Group, out _))
        {
            errors.Add($"{path}: group id must be 2 to 40 lower-case letters, digits or hyphens, starting with a letter");
        }

        path = $"{path} '{rule.Group}'";
        CheckSources(errors, $"{path}.source", [rule.Source]);
        CheckSelectorValues(errors, path, rule.Attribute, rule.Values);
        CheckAttributeList(errors, $"{path}.details", rule.Details);
        CheckAttribute(errors, $"{path}.validFrom", rule.ValidFrom);
        CheckAttribute(errors, $"{path}.validTo", rule.ValidTo);
    }

    private static void ValidatePlaceRule(List<string> errors, string path, PlaceRule? rule)
    {
        if (rule is null)
        {
            errors.Add($"{path}: is missing");
            return;
        }

        CheckAttribute(errors, $"{path}.division", rule.Division);
        foreach (var (name, attribute) in new[] { ("grid", rule.Grid), ("address", rule.Address), ("validFrom", rule.ValidFrom), ("validTo", rule.ValidTo) })
        {
            if (attribute is not null)
            {
                CheckAttribute(errors, $"{path}.{name}", attribute);
            }
        }

        var from = rule.From ?? [];
        for (var i = 0; i < from.Count; i++)
        {
            if (from[i] is not { } selector)
            {
                errors.Add($"{path}.from[{i}]: must not be null");
                continue;
            }

            CheckSources(errors, $"{path}.from[{i}].source", [selector.Source]);
            CheckSelectorValues(errors, $"{path}.from[{i}]", selector.Attribute, selector.Values);
        }

        if (from.Count == 0 && rule.Fallback != SurvivorshipFallback.MostRecent)
        {
            errors.Add($"{path}: names no source and no fallback, so no fact could ever give the place");
        }

        if (!Enum.IsDefined(rule.Fallback))
        {
            errors.Add($"{path}.fallback: is not a known value");
        }
    }

    private static void CheckSelectorValues(List<string> errors, string path, string? attribute, IReadOnlyList<string>? values)
    {
        values ??= [];
        if (attribute is null)
        {
            if (values.Count > 0)
            {
                errors.Add($"{path}: values are given without the attribute they are values of");
            }

            return;
        }

        CheckAttribute(errors, $"{path}.attribute", attribute);
        if (values.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{path}.values: must not contain empty values");
        }
    }

    private static void CheckSources(List<string> errors, string path, IReadOnlyList<string?> sources)
    {
        foreach (var source in sources)
        {
            if (!SourceId.TryParse(source, out _))
            {
                errors.Add($"{path}: '{source}' is not a source id (2 to 40 lower-case letters, digits or hyphens, starting with a letter)");
            }
        }

        foreach (var duplicate in sources.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"{path}: source '{duplicate.Key}' is listed twice");
        }
    }

    private static void CheckAttributeList(List<string> errors, string path, IReadOnlyList<string>? attributes)
    {
        foreach (var attribute in attributes ?? [])
        {
            CheckAttribute(errors, path, attribute);
        }
    }

    private static void CheckAttribute(List<string> errors, string path, string? attribute)
    {
        if (attribute is null || !AttributeName().IsMatch(attribute))
        {
            errors.Add($"{path}: '{attribute}' is not an attribute name (camelCase letters and digits)");
        }
    }

    // The same form SourceCatalog requires of mapped attributes.
    [GeneratedRegex("^[a-z][A-Za-z0-9]{1,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex AttributeName();
}
