using Hub.Core.Feeds.Sources;

namespace Hub.Core.Feeds.Normalisation;

/// <summary>
/// Where one field's value comes from in a row: its column, a constant or a template, and then the part its pattern or
/// substring takes. The value is not normalised here; that is the field type's work.
/// </summary>
internal sealed class FieldReader
{
    private readonly FieldPattern? _pattern;

    public FieldReader(FieldMapping field, bool columnShared)
    {
        Field = field;
        _pattern = field.Pattern is { } pattern ? FieldPattern.TryCreate(pattern, out _) : null;

        // A row report line names the column a clerk can find; where one column feeds several attributes, or the
        // value is made rather than sent, it names the attribute too, so the rule that failed is plain.
        ReportField = field.Column.Length == 0 ? field.Attribute
            : columnShared || !field.IsPlainColumn ? $"{field.Column} → {field.Attribute}"
            : field.Column;
    }

    public FieldMapping Field { get; }

    /// <summary>The field as the row report names it.</summary>
    public string ReportField { get; }

    /// <summary>The field's value before any part is taken; null when it is missing.</summary>
    public string? Source(Func<string, string?> columnValue)
    {
        if (Field.Constant is { } constant)
        {
            return constant;
        }

        // Each part is trimmed as a value of its own would be, so " 2 " joins as "2" and not as "栋 2 单元".
        return Field.Template is { } template
            ? FieldTemplate.Render(template, column => ValueNormaliser.Text(columnValue(column)))
            : columnValue(Field.Column);
    }

    /// <summary>Takes the part of <paramref name="value"/> the field wants; false, with the rule that failed, when there is none.</summary>
    public bool TryTake(string value, out string part, out string? reason)
    {
        reason = null;
        part = value;
        if (_pattern is null && Field.Substring is null)
        {
            return true;
        }

        // Full-width digits and stray spaces are folded first, so a pattern is written for what the value means.
        var text = ValueNormaliser.Text(value) ?? string.Empty;
        if (_pattern is not null)
        {
            if (_pattern.Take(text) is { } taken)
            {
                part = taken;
                return true;
            }

            reason = $"the value does not match the pattern of {Field.Attribute}";
            return false;
        }

        var (start, length) = (Field.Substring!.Start - 1, Field.Substring.Length);
        if (text.Length < start + (length ?? 1))
        {
            reason = length is { } count
                ? $"the value is too short for the substring of {Field.Attribute} (characters {start + 1} to {start + count})"
                : $"the value is too short for the substring of {Field.Attribute} (from character {start + 1})";
            return false;
        }

        part = length is { } taking ? text.Substring(start, taking) : text[start..];
        return true;
    }
}
