using System.Globalization;
using System.Text.RegularExpressions;
using Hub.Core.Kernel;

namespace Hub.Core.Feeds.Sources;

/// <summary>What <see cref="SourceCatalog.Validate"/> checks: each error names the key at fault and, where it helps, the fix.</summary>
internal static partial class SourceMappingValidator
{
    public static List<string> Validate(SourceMapping mapping)
    {
        var errors = new List<string>();
        if (!SourceId.TryParse(mapping.Id, out _))
        {
            errors.Add("id must be 2 to 40 lower-case letters, digits or hyphens, starting with a letter");
        }

        CheckIdentity(mapping, errors);
        foreach (var duplicate in mapping.Fields.GroupBy(f => f.Attribute, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"attribute '{duplicate.Key}' is mapped twice");
        }

        SourceColumns.ByHeader(mapping, header => header, errors);
        foreach (var field in mapping.Fields)
        {
            CheckField(mapping, field, errors);
        }

        foreach (var key in mapping.RecordKey.Where(k => mapping.Fields.All(f => f.Attribute != k)))
        {
            errors.Add($"recordKey attribute '{key}' is not mapped");
        }

        foreach (var format in mapping.DateFormats.Where(f => !IsUsableDateFormat(f)))
        {
            errors.Add($"date format '{format}' is not a valid .NET date format");
        }

        if (mapping.Encoding is not ("auto" or "utf-8" or "gb18030"))
        {
            errors.Add("encoding must be auto, utf-8 or gb18030");
        }

        return errors;
    }

    private static void CheckIdentity(SourceMapping mapping, List<string> errors)
    {
        var idFields = mapping.Fields.Count(f => f.Type == FieldType.ResidentId);
        if (mapping.Identity == SourceIdentity.ResidentId)
        {
            if (idFields != 1)
            {
                errors.Add("exactly one field must have type residentId");
            }

            return;
        }

        if (idFields > 0)
        {
            errors.Add("identity is none, so no field may have type residentId; remove the field or the identity key");
        }

        if (!mapping.MatchWithoutId)
        {
            errors.Add("identity is none, so records can only be matched: matchWithoutId cannot be false");
        }

        var name = mapping.Fields.Any(f => f.Type == FieldType.Name && f.Attribute == "name");
        var tellApart = mapping.Fields.Any(f => f.Type is FieldType.Phone or FieldType.Division || (f.Type == FieldType.Date && f.Attribute == "birthDate"));
        if (!name || !tellApart)
        {
            errors.Add("identity is none, so records are matched by their other fields: map a 'name' field and a 'birthDate', phone or division field");
        }
    }

    private static void CheckField(SourceMapping mapping, FieldMapping field, List<string> errors)
    {
        var named = $"field '{(field.Column.Length > 0 ? field.Column : field.Attribute)}'";
        if (!AttributeName().IsMatch(field.Attribute))
        {
            errors.Add($"attribute '{field.Attribute}' must be camelCase letters and digits");
        }

        var sources = (field.Column.Length > 0 ? 1 : 0) + (field.Constant is null ? 0 : 1) + (field.Template is null ? 0 : 1);
        if (sources != 1)
        {
            errors.Add($"{named} ('{field.Attribute}') must take its value from exactly one of column, constant or template");
        }

        if (field.Aliases.Count > 0 && field.Column.Length == 0)
        {
            errors.Add($"{named} has aliases but no column");
        }

        if (field.Template is { } template && (FieldTemplate.Columns(template).Count == 0 || FieldTemplate.HasStrayBraces(template)))
        {
            errors.Add($"{named} template must name its columns in braces, e.g. \"{{楼栋}}栋{{单元}}单元{{房号}}室\", with no other braces");
        }

        if (field.Pattern is not null && field.Substring is not null)
        {
            errors.Add($"{named} has both a pattern and a substring; use one");
        }

        if ((field.Pattern is not null || field.Substring is not null) && field.Constant is not null)
        {
            errors.Add($"{named} is a constant, so it takes no pattern or substring; write the constant as it should be");
        }

        if (field.Pattern is { } pattern && FieldPattern.TryCreate(pattern, out var patternError) is null)
        {
            errors.Add($"{named} pattern {patternError}");
        }

        if (field.Substring is { } substring && (substring.Start < 1 || substring.Length < 1))
        {
            errors.Add($"{named} substring must start at 1 or later (the first character is 1) and take at least 1 character");
        }

        CheckCode(mapping, field, named, errors);
        CheckPolicy(field, named, errors);
    }

    private static void CheckCode(SourceMapping mapping, FieldMapping field, string named, List<string> errors)
    {
        if (field.Type != FieldType.Code)
        {
            if (field.Default is not null)
            {
                errors.Add($"{named} has a default but is not of type code; a default is the code for labels missing from the code list");
            }

            return;
        }

        if (field.CodeList is null || !mapping.CodeLists.TryGetValue(field.CodeList, out var list))
        {
            errors.Add($"{named} has type code but its codeList '{field.CodeList}' is not defined");
            return;
        }

        if (field.Constant is { } constant && field.Default is null && !list.ContainsKey(constant) && !list.Values.Contains(constant, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"{named} constant '{constant}' is neither a label nor a code of its codeList '{field.CodeList}'");
        }
    }

    private static void CheckPolicy(FieldMapping field, string named, List<string> errors)
    {
        if (field.Type == FieldType.ResidentId)
        {
            if (field.OnInvalid is not null)
            {
                errors.Add($"{named} has type residentId, whose unusable values matchWithoutId governs: remove onInvalid");
            }

            if (field.Constant is not null)
            {
                errors.Add($"{named} has type residentId and cannot be a constant");
            }
        }
        else if (field.Required && field.OnInvalid is InvalidValuePolicy.Drop or InvalidValuePolicy.Keep)
        {
            errors.Add($"{named} is required, so an invalid value rejects the record: onInvalid must be reject (or left out)");
        }
    }

    private static bool IsUsableDateFormat(string format)
    {
        try
        {
            var sample = new DateTime(2001, 2, 3, 0, 0, 0, DateTimeKind.Unspecified).ToString(format, CultureInfo.InvariantCulture);
            return DateTime.TryParseExact(sample, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z][A-Za-z0-9]{1,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex AttributeName();
}
