namespace Hub.Core;

/// <summary>
/// The key and the fix of a source mapping's error. <see cref="Feeds.Sources.SourceCatalog.Validate"/> says its
/// errors in words ("attribute 'name' is mapped twice"); the start-up check names the key and the change to make.
/// </summary>
internal static class MappingErrors
{
    private static readonly (string Says, string Key, string Fix)[] Known =
    [
        ("id must", "id", "use 2 to 40 lower-case letters, digits or hyphens, starting with a letter"),
        ("type residentId", "fields", "give exactly one field, the ID number's column, type residentId"),
        ("' is mapped twice", "fields", "keep one field per attribute and per column; list a column's other headers in that field's aliases"),
        ("must be camelCase", "fields", "name the attribute in camelCase letters and digits, e.g. residenceAddress"),
        ("codeList", "fields", "define the code list under codeLists, or correct the field's codeList"),
        ("recordKey attribute", "recordKey", "list only attributes that a field of this mapping feeds"),
        ("date format", "dateFormats", "use a .NET custom date format such as yyyy.MM.dd"),
        ("encoding must", "encoding", "set encoding to auto, utf-8 or gb18030"),
    ];

    /// <summary>The key an error is about (<c>fields</c> when the words do not say) and its fix, when known.</summary>
    public static (string Key, string? Fix) KeyAndFix(string error)
    {
        foreach (var (says, key, fix) in Known)
        {
            if (error.Contains(says, StringComparison.Ordinal))
            {
                return (key, fix);
            }
        }

        return ("fields", null);
    }
}
