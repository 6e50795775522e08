using System.Globalization;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Sources;

namespace Hub.Cli.Drafting;

/// <summary>How well a column's values fit an attribute's type, in counts and words that never quote a value.</summary>
internal static class Evidence
{
    /// <summary>How many values the attribute's type reads, and what they are in words; null for free text.</summary>
    public static (int Count, string Words)? Fit(ColumnProfile profile, KnownAttribute attribute) => attribute.Type switch
    {
        FieldType.ResidentId => (profile.IdNumbers, "valid ID numbers"),
        FieldType.Date => (profile.Dates, $"dates ({DateForms(profile)})"),
        FieldType.Phone => (profile.Phones, "phone numbers"),
        FieldType.Division => (profile.AnyDivisions, "division codes"),
        FieldType.Code when attribute.Codes.Count > 0 => (Labels(profile, attribute), $"labels of its list {attribute.CodeList}"),
        FieldType.WholeNumber => (profile.WholeNumbers, "whole numbers"),
        FieldType.Number => (profile.Numbers, "numbers"),
        FieldType.Name => (profile.HanNames, "Chinese names"),
        _ => null,
    };

    /// <summary>The share of values that fit; 1 for free text, whose every value fits.</summary>
    public static double Share(ColumnProfile profile, KnownAttribute attribute) =>
        attribute.Type is FieldType.Text or FieldType.Name || Fit(profile, attribute) is not { } fit ? 1 : profile.Share(fit.Count);

    /// <summary>"; 588 of 600 values (98%) are dates (yyyy-MM-dd 97%, …)", or that the column is empty.</summary>
    public static string Describe(ColumnProfile profile, KnownAttribute attribute)
    {
        if (profile.NonEmpty == 0)
        {
            return "; it is empty in every row read";
        }

        return Fit(profile, attribute) is { } fit ? $"; {profile.Of(fit.Count)} are {fit.Words}" : string.Empty;
    }

    /// <summary>The date forms seen, most common first: "2 forms: yyyy-MM-dd 97%, yyyy/M/d 1%".</summary>
    public static string DateForms(ColumnProfile profile)
    {
        var forms = profile.DateForms.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", forms.Take(3).Select(f => $"{f.Key} {ColumnProfile.Percent(profile.Share(f.Value))}"));
        return forms.Count switch
        {
            0 => "none",
            1 => shown,
            _ => string.Create(CultureInfo.InvariantCulture, $"{forms.Count} forms: {shown}{(forms.Count > 3 ? ", …" : string.Empty)}"),
        };
    }

    /// <summary>How many values are labels (or codes) of the attribute's list, as the Hub's lookup reads them.</summary>
    public static int Labels(ColumnProfile profile, KnownAttribute attribute)
    {
        var lookup = Lookup(attribute);
        return profile.Values.Where(v => lookup.Contains(v.Key)).Sum(v => v.Value);
    }

    /// <summary>Whether a label of the list other than a bare number is among the values: "1" and "2" alone tell nothing.</summary>
    public static bool HasWordLabel(ColumnProfile profile, KnownAttribute attribute)
    {
        var lookup = Lookup(attribute);
        return profile.Values.Keys.Any(v => lookup.Contains(v) && !v.All(char.IsAsciiDigit));
    }

    /// <summary>Labels and codes of the attribute's list, compared as the Hub compares them (trimmed, width-folded, any case).</summary>
    public static HashSet<string> Lookup(KnownAttribute attribute)
    {
        var lookup = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (label, code) in attribute.Codes)
        {
            lookup.Add(ValueNormaliser.Text(label) ?? label);
            lookup.Add(code);
        }

        return lookup;
    }
}
