using Hub.Core.Feeds.Sources;

namespace Hub.Core.Profiles;

/// <summary>
/// Checks profile rules against the onboarded sources: an attribute or code value a rule names for a known source
/// must exist in its mapping, or the rule would silently never match. Sources not yet onboarded are skipped.
/// </summary>
internal static class ProfileRulesCatalogCheck
{
    public static IReadOnlyList<string> Check(ProfileRules rules, SourceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<string>();
        foreach (var (attribute, rule) in rules.Attributes)
        {
            for (var i = 0; i < rule.Sources.Count; i++)
            {
                CheckMapped(errors, catalog, $"attributes.{attribute}.sources[{i}]", rule.Sources[i], attribute, []);
            }
        }

        for (var i = 0; i < rules.Groups.Count; i++)
        {
            var group = rules.Groups[i];
            var path = $"groups[{i}] '{group.Group}'";
            CheckMapped(errors, catalog, path, group.Source, group.Attribute, group.Values);
            foreach (var detail in group.Details)
            {
                CheckMapped(errors, catalog, $"{path}.details", group.Source, detail, []);
            }
        }

        foreach (var (name, place) in new[] { ("residence", rules.Residence), ("registration", rules.Registration) })
        {
            for (var i = 0; i < place.From.Count; i++)
            {
                var selector = place.From[i];
                var path = $"{name}.from[{i}]";
                CheckMapped(errors, catalog, path, selector.Source, selector.Attribute, selector.Values);
                CheckMapped(errors, catalog, $"{path} (division)", selector.Source, place.Division, []);
            }
        }

        return errors;
    }

    private static void CheckMapped(List<string> errors, SourceCatalog catalog, string path, string source, string? attribute, IReadOnlyList<string> values)
    {
        if (attribute is null || !catalog.TryGet(source, out var mapping))
        {
            return;
        }

        var field = mapping.Fields.FirstOrDefault(f => f.Attribute == attribute);
        if (field is null)
        {
            errors.Add($"{path}: source '{source}' does not map attribute '{attribute}'");
            return;
        }

        if (field.Type == FieldType.Code && field.CodeList is not null && mapping.CodeLists.TryGetValue(field.CodeList, out var codes))
        {
            foreach (var value in values.Where(v => !codes.Values.Contains(v, StringComparer.Ordinal)))
            {
                errors.Add($"{path}: '{value}' is not a code of source '{source}' for attribute '{attribute}'");
            }
        }
    }
}
