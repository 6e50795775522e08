using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hub.Core.Feeds.Sources;

namespace Hub.Cli.Drafting;

/// <summary>
/// Writes a draft as a mapping file in the shipped files' layout (one field a line), with a comment before each
/// choice saying why: the Hub reads mapping files with comments allowed (<see cref="SourceCatalog.JsonOptions"/>).
/// Suggested fields are written commented out; ignored columns are listed in comments with their reasons.
/// </summary>
internal static class DraftFileWriter
{
    private const int Width = 118;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(MappingDraft draft, DraftSample sample)
    {
        var text = new StringBuilder();
        text.Append("{\n");
        var rows = string.Create(CultureInfo.InvariantCulture, $"{sample.Rows.Count:N0} rows read{(sample.Truncated ? ", the first of more" : string.Empty)}");
        Comment(text, 1, $"Drafted by 'hub sources draft' from {sample.FileName} ({sample.Reading}; {rows}). A proposal to edit, not a checked mapping: read the reason above each field, fill in the department, remove the // of a suggested field you want, then run 'hub sources check' and 'hub validate {sample.FileName} --source {draft.Source}'.");
        Property(text, "id", Value(draft.Source));
        Property(text, "displayName", Value(draft.DisplayName));
        Comment(text, 1, "The department that owns the export, e.g. 民政, 公安, 残联 or 住房保障.");
        Property(text, "department", Value(string.Empty));
        Comment(text, 1, draft.EncodingReason);
        Property(text, "encoding", Value(draft.Encoding));
        Comment(text, 1, draft.IdentityReason);
        if (draft.Identity == SourceIdentity.None)
        {
            Property(text, "identity", Value("none"));
        }

        if (draft.RecordKeyReason is { } recordKey)
        {
            Comment(text, 1, recordKey);
            if (draft.RecordKey.Count > 0)
            {
                Property(text, "recordKey", Value(draft.RecordKey));
            }
        }

        Fields(text, draft);
        CodeLists(text, draft);
        text.Append("}\n");
        return text.ToString();
    }

    private static void Fields(StringBuilder text, MappingDraft draft)
    {
        // Every field line ends in a comma (the Hub's reader allows a trailing one), so any suggested line can be uncommented.
        text.Append("  \"fields\": [\n");
        foreach (var field in draft.Fields)
        {
            var from = field.Field.Column.Length > 0 ? field.Field.Column : field.Field.Template ?? field.Field.Constant ?? string.Empty;
            if (field.Outcome == DraftOutcome.Mapped)
            {
                Comment(text, 2, $"{from} → {field.Field.Attribute}: {field.Reason}.");
                text.Append("    ").Append(Line(field.Field)).Append(",\n");
            }
            else
            {
                Comment(text, 2, $"Suggested, not mapped (remove the // to map it): {from} → {field.Field.Attribute}: {field.Reason}.");
                text.Append("    // ").Append(Line(field.Field)).Append(",\n");
            }
        }

        var ignored = draft.Columns.Where(c => c.Outcome == DraftOutcome.Ignored).ToList();
        if (ignored.Count > 0)
        {
            Comment(text, 2, "Ignored columns: the Hub would not store their values.");
            foreach (var column in ignored)
            {
                Comment(text, 2, $"- {column.Column}: {column.Reason}.");
            }
        }

        text.Append("  ],\n");
    }

    private static void CodeLists(StringBuilder text, MappingDraft draft)
    {
        text.Append("  \"codeLists\": {");
        if (draft.CodeLists.Count == 0)
        {
            text.Append("}\n");
            return;
        }

        text.Append('\n');
        for (var i = 0; i < draft.CodeLists.Count; i++)
        {
            var list = draft.CodeLists[i];
            Comment(text, 2, list.Reason + ".");
            var entries = string.Join(", ", list.Entries.Select(e => $"{Value(e.Key)}: {Value(e.Value)}"));
            text.Append("    ").Append(Value(list.Name)).Append(": { ").Append(entries).Append(entries.Length > 0 ? " }" : "}").Append(i < draft.CodeLists.Count - 1 ? ",\n" : "\n");
        }

        text.Append("  }\n");
    }

    /// <summary>One field as the shipped files write it: <c>{ "column": …, "attribute": …, "type": …, … }</c>.</summary>
    private static string Line(FieldMapping field)
    {
        var parts = new List<string>();
        void Add(string key, string? json)
        {
            if (json is not null)
            {
                parts.Add($"\"{key}\": {json}");
            }
        }

        Add("column", field.Column.Length > 0 ? Value(field.Column) : null);
        Add("attribute", Value(field.Attribute));
        Add("type", Value(Camel(field.Type.ToString())));
        Add("codeList", field.CodeList is null ? null : Value(field.CodeList));
        Add("required", field.Required ? "true" : null);
        Add("pattern", field.Pattern is null ? null : Value(field.Pattern));
        Add("substring", field.Substring switch
        {
            null => null,
            { Length: { } length } => string.Create(CultureInfo.InvariantCulture, $"{{ \"start\": {field.Substring.Start}, \"length\": {length} }}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{{ \"start\": {field.Substring.Start} }}"),
        });
        Add("template", field.Template is null ? null : Value(field.Template));
        Add("constant", field.Constant is null ? null : Value(field.Constant));
        Add("sensitivity", Value(Camel(field.Sensitivity.ToString())));
        Add("sharing", Value(Camel(field.Sharing.ToString())));
        return "{ " + string.Join(", ", parts) + " }";
    }

    private static void Property(StringBuilder text, string key, string json) => text.Append("  \"").Append(key).Append("\": ").Append(json).Append(",\n");

    private static string Value<T>(T value) => JsonSerializer.Serialize(value, Json);

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>A comment of one or more lines, wrapped at spaces; control characters (a header's line break) become spaces.</summary>
    private static void Comment(StringBuilder text, int depth, string comment)
    {
        var indent = new string(' ', depth * 2) + "// ";
        var clean = new string([.. comment.Select(c => char.IsControl(c) ? ' ' : c)]);
        var line = new StringBuilder();
        foreach (var word in clean.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && indent.Length + line.Length + 1 + word.Length > Width)
            {
                text.Append(indent).Append(line).Append('\n');
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        text.Append(indent).Append(line).Append('\n');
    }
}
