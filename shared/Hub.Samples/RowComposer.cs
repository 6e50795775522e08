using System.Globalization;
using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;

namespace Hub.Samples;

/// <summary>
/// Writes typed attribute values in a department's layout, from its mapping file: the column headers, the
/// department's label for each Hub code, and its usual date spelling (the first of its own date formats).
/// </summary>
internal sealed class RowComposer
{
    private readonly SourceMapping _mapping;
    private readonly string _dateFormat;
    private readonly Dictionary<string, Dictionary<string, string>> _labels = new(StringComparer.Ordinal);

    public RowComposer(SourceMapping mapping)
    {
        _mapping = mapping;
        _dateFormat = DateFormatOf(mapping);
        foreach (var (list, entries) in mapping.CodeLists)
        {
            var labels = entries.Keys.ToDictionary(k => k, k => k, StringComparer.Ordinal);
            foreach (var (label, code) in entries)
            {
                // The first label a list gives for a code is the department's usual one (城市低保 before 低保).
                labels.TryAdd(code, label);
            }

            _labels[list] = labels;
        }

        Columns = mapping.Fields.Select(f => f.Column).ToList();
    }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>A department writes dates in the first of its own formats, or ISO when it declares none.</summary>
    public static string DateFormatOf(SourceMapping mapping) => mapping.DateFormats.Count > 0 ? mapping.DateFormats[0] : "yyyy-MM-dd";

    public Dictionary<string, string?> Compose(IReadOnlyDictionary<string, object?> attributes)
    {
        var row = new Dictionary<string, string?>(Columns.Count, StringComparer.Ordinal);
        foreach (var field in _mapping.Fields)
        {
            row[field.Column] = attributes.TryGetValue(field.Attribute, out var value) ? Cell(field, value) : null;
        }

        return row;
    }

    private string? Cell(FieldMapping field, object? value) => value switch
    {
        null => null,
        DateOnly date => date.ToString(_dateFormat, CultureInfo.InvariantCulture),
        DivisionCode division => division.Value,
        IFormattable number when field.Type != FieldType.Code => number.ToString(null, CultureInfo.InvariantCulture),
        _ when field.Type == FieldType.Code => Label(field, Convert.ToString(value, CultureInfo.InvariantCulture)!),
        _ => value.ToString(),
    };

    private string Label(FieldMapping field, string code) =>
        _labels[field.CodeList!].TryGetValue(code, out var label)
            ? label
            : throw new InvalidOperationException($"Code list '{field.CodeList}' of source '{_mapping.Id}' has no label for '{code}'.");
}