namespace Hub.Core.Feeds.Sources;

/// <summary>
/// The columns a mapping reads: each header or alias (normalised as the caller matches headers) and the column it stands for.
/// Several fields may read one column, and a template may read columns no field names.
/// </summary>
internal static class SourceColumns
{
    /// <summary>Header → the column it stands for; a header claimed by two columns is reported in <paramref name="errors"/>.</summary>
    public static Dictionary<string, string> ByHeader(SourceMapping mapping, Func<string, string> normaliseHeader, List<string>? errors = null)
    {
        var byHeader = new Dictionary<string, string>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in mapping.Fields)
        {
            foreach (var header in field.Headers)
            {
                var key = normaliseHeader(header);
                if (!byHeader.TryAdd(key, field.Column) && byHeader[key] != field.Column && reported.Add(key))
                {
                    errors?.Add($"column '{header}' is mapped twice");
                }
            }
        }

        // A column a template names is read as it is written, unless it is already a field's column or alias.
        foreach (var column in mapping.Fields.Where(f => f.Template is not null).SelectMany(f => FieldTemplate.Columns(f.Template!)))
        {
            byHeader.TryAdd(normaliseHeader(column), column);
        }

        return byHeader;
    }
}
