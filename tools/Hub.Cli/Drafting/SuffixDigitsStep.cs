using System.Globalization;
using Hub.Core.Feeds.Sources;

namespace Hub.Cli.Drafting;

/// <summary>
/// When the person's ID comes from a longer number whose further digits the curated list knows (a 残疾人证号's
/// category and grade digits), maps each digit to its attribute with a substring and the digit's code list.
/// </summary>
internal static class SuffixDigitsStep
{
    public static void Run(DraftState state)
    {
        if (state.IdColumn is not { } id || state.IdSuffix == 0 || state.Knowledge.Match(id.Column) is not { } header
            || !state.Knowledge.IdSuffixes.TryGetValue(header.Attribute.Name, out var digits))
        {
            return;
        }

        for (var i = 0; i < Math.Min(digits.Count, state.IdSuffix); i++)
        {
            var digit = digits[i];
            var position = 19 + i;
            if (state.IsTaken(digit.Attribute))
            {
                continue;
            }

            // Single digits are no one's personal data; those the list lacks are added, each standing for itself.
            var seen = id.Values.Keys
                .Where(v => ValueShapes.IdSuffixLength(v, out _) == state.IdSuffix)
                .Select(v => v.Trim()[18 + i].ToString())
                .Distinct(StringComparer.Ordinal)
                .Where(d => !digit.Codes.ContainsKey(d))
                .Order(StringComparer.Ordinal)
                .ToList();
            var entries = digit.Codes.Concat(seen.Select(d => new KeyValuePair<string, string>(d, d))).ToList();
            var listReason = $"{digit.Attribute}: what character {position} of a {header.Alias.Header} stands for (the draft's list of numbers that hold an ID)"
                + (seen.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {seen.Count} digit(s) seen are not in it and stand for themselves until you write their codes") : string.Empty);
            var field = DraftState.FieldFor(state.Known(digit.Attribute, FieldType.Code), id.Column) with
            {
                Type = FieldType.Code,
                Required = false,
                CodeList = state.AddCodeList(digit.CodeList, entries, listReason),
                Substring = new FieldSubstring { Start = position, Length = 1 },
            };
            state.Add(id, field, DraftOutcome.Mapped, string.Create(CultureInfo.InvariantCulture, $"character {position} of a {header.Alias.Header} is the {digit.Attribute} digit"), id.Number + 0.2 + (i / 10.0));
        }
    }
}
