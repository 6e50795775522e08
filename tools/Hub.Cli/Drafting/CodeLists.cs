using System.Globalization;
using Hub.Core.Feeds.Sources;

namespace Hub.Cli.Drafting;

/// <summary>
/// The code lists of a draft. A known attribute brings the labels and codes every mapping has for it (catalogue data,
/// not the sample's); the sample's own labels are written only from a short code column (<see cref="ColumnProfile.IsCodeLike"/>),
/// only those seen at least twice, and each stands for itself until the operator writes its Hub code.
/// </summary>
internal static class CodeLists
{
    /// <summary>The field with its code list, when it is of type code; the field as it is otherwise.</summary>
    public static FieldMapping Attach(DraftState state, FieldMapping field, KnownAttribute attribute, ColumnProfile profile)
    {
        if (field.Type != FieldType.Code)
        {
            return field;
        }

        var lookup = Evidence.Lookup(attribute);
        var entries = attribute.Codes.ToList();
        var reason = attribute.Codes.Count > 0
            ? $"{field.Attribute}: the labels of {attribute.CodeList} in the mappings of {string.Join(", ", attribute.Sources)}"
            : $"{field.Attribute}: no mapping has labels for it";
        var unknown = profile.Values.Where(v => !lookup.Contains(v.Key)).ToList();
        reason += unknown.Count == 0 ? "; every value seen is among them" : Seen(profile, unknown, entries);
        return field with { CodeList = state.AddCodeList(attribute.CodeList ?? field.Attribute, entries, reason) };
    }

    /// <summary>A list of a short code column no attribute is known for: its labels, each standing for itself.</summary>
    public static string ForColumn(DraftState state, ColumnProfile profile)
    {
        var entries = new List<KeyValuePair<string, string>>();
        var reason = $"{profile.Column}: no attribute is known for its labels" + Seen(profile, [.. profile.Values], entries);
        return state.AddCodeList(profile.Column, entries, reason);
    }

    /// <summary>Adds the short column's labels seen twice or more to <paramref name="entries"/>, and says what was left out.</summary>
    private static string Seen(ColumnProfile profile, List<KeyValuePair<string, int>> unknown, List<KeyValuePair<string, string>> entries)
    {
        if (!profile.IsCodeLike)
        {
            return string.Create(CultureInfo.InvariantCulture, $"; {unknown.Count:N0} distinct value(s) seen are not labels of it and are not shown, since the column does not look like a short code list: add their labels by hand");
        }

        var listed = unknown.Where(v => v.Value >= 2 && !ValueShapes.IsSurnamed(v.Key)).OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).ToList();
        entries.AddRange(listed.Select(v => new KeyValuePair<string, string>(v.Key, v.Key)));
        var once = unknown.Count - listed.Count;
        return string.Create(CultureInfo.InvariantCulture, $"; {listed.Count:N0} label(s) seen in the sample are added, each standing for itself until you write its Hub code")
            + (once > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {once:N0} value(s) seen only once or shaped like a name are left out") : string.Empty);
    }
}
