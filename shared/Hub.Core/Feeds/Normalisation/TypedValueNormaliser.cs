using System.Globalization;
using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;

namespace Hub.Core.Feeds.Normalisation;

/// <summary>Normalises one value by its field's <see cref="FieldType"/> (all but the resident ID), with the source's code lists.</summary>
internal sealed class TypedValueNormaliser
{
    private readonly SourceMapping _mapping;
    private readonly Dictionary<string, Dictionary<string, string>> _codeLists;

    public TypedValueNormaliser(SourceMapping mapping)
    {
        _mapping = mapping;
        _codeLists = mapping.CodeLists.ToDictionary(list => list.Key, list => BuildCodeLookup(list.Value), StringComparer.Ordinal);
    }

    public bool TryNormalise(FieldMapping field, string? value, out string? normalised, out string? reason)
    {
        normalised = null;
        reason = null;
        switch (field.Type)
        {
            case FieldType.Text:
                normalised = ValueNormaliser.Text(value);
                return true;
            case FieldType.Name:
                normalised = ValueNormaliser.Name(value);
                return true;
            case FieldType.Date:
                if (ValueNormaliser.TryDate(value, _mapping.DateFormats, out var date, out reason))
                {
                    normalised = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    return true;
                }

                return false;
            case FieldType.Division:
                if (DivisionCode.TryParse(value, out var division, out reason))
                {
                    normalised = division.Value.Value;
                    return true;
                }

                return false;
            case FieldType.Phone:
                return ValueNormaliser.TryPhone(value, out normalised, out reason);
            case FieldType.Code:
                return TryCode(field, value, out normalised, out reason);
            case FieldType.WholeNumber:
                if (ValueNormaliser.TryInteger(value, out var integer))
                {
                    normalised = integer.ToString(CultureInfo.InvariantCulture);
                    return true;
                }

                reason = "not a whole number";
                return false;
            case FieldType.Number:
                if (ValueNormaliser.TryDecimal(value, out var number))
                {
                    // A decimal keeps the scale it was written with; drop trailing zeros so that 1300.00 and 1300
                    // are one normal form, or an unchanged amount would hash as a changed fact.
                    normalised = number.ToString("0.############################", CultureInfo.InvariantCulture);
                    return true;
                }

                reason = "not a number";
                return false;
            default:
                throw new InvalidOperationException($"Field type {field.Type} has no normaliser.");
        }
    }

    private bool TryCode(FieldMapping field, string? value, out string? normalised, out string? reason)
    {
        reason = null;
        var label = ValueNormaliser.Text(value) ?? string.Empty;
        if (_codeLists[field.CodeList!].TryGetValue(label, out normalised))
        {
            return true;
        }

        // A lookup with a default: the department's other labels all stand for one code.
        if (field.Default is { } fallback)
        {
            normalised = fallback;
            return true;
        }

        // The value itself is not quoted: a shifted column could put personal data here.
        reason = $"value is not in the code list {field.CodeList} (expected one of: {string.Join(", ", _mapping.CodeLists[field.CodeList!].Keys)})";
        return false;
    }

    private static Dictionary<string, string> BuildCodeLookup(IReadOnlyDictionary<string, string> list)
    {
        // Labels and the Hub's own codes are both accepted, so a department can send either.
        var lookup = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (label, code) in list)
        {
            lookup.TryAdd(ValueNormaliser.Text(label) ?? label, code);
            lookup.TryAdd(code, code);
        }

        return lookup;
    }
}
