using System.Globalization;
using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;

namespace Hub.Core.Feeds.Normalisation;

/// <summary>Applies a source mapping to raw feed rows: finds each mapped column, normalises and validates its value.</summary>
public sealed class RecordNormaliser
{
    /// <summary>Suffix of the attribute that keeps an unusable ID number as the department sent it.</summary>
    public const string AsSentSuffix = "AsSent";

    internal const string MissingValue = "required value is missing";
    private const string BirthDateAttribute = "birthDate";

    private readonly SourceMapping _mapping;
    private readonly DateOnly _feedDate;
    private readonly Dictionary<string, FieldMapping> _fieldsByHeader;
    private readonly Dictionary<string, Dictionary<string, string>> _codeLists;

    /// <summary>Prepares a normaliser for one feed of a source.</summary>
    /// <param name="mapping">The source's mapping.</param>
    /// <param name="feedDate">
    /// The day the feed was received, in China Standard Time (<see cref="ChinaStandardTime.DateOf"/>); an ID number
    /// with a birth date after it is not usable. A dry run passes today.
    /// </param>
    public RecordNormaliser(SourceMapping mapping, DateOnly feedDate)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        _mapping = mapping;
        _feedDate = feedDate;
        _fieldsByHeader = new Dictionary<string, FieldMapping>(StringComparer.Ordinal);
        foreach (var field in mapping.Fields)
        {
            foreach (var header in field.Headers.Append(field.Attribute))
            {
                _fieldsByHeader.TryAdd(NormaliseHeader(header), field);
            }
        }

        _codeLists = mapping.CodeLists.ToDictionary(
            list => list.Key,
            list => BuildCodeLookup(list.Value),
            StringComparer.Ordinal);
    }

    /// <summary>Headers are matched after width normalisation and trimming, so <c>身份证号码 </c> still matches.</summary>
    public static string NormaliseHeader(string header) => ValueNormaliser.Text(header.Trim('\uFEFF')) ?? string.Empty;

    /// <summary>The mapped field a column header feeds, or null for a column the mapping does not know.</summary>
    public FieldMapping? FieldFor(string header) => _fieldsByHeader.GetValueOrDefault(NormaliseHeader(header));

    /// <summary>The required columns a file's header row lacks; a feed that lacks one cannot be processed.</summary>
    public IReadOnlyList<string> MissingRequiredColumns(IEnumerable<string> headers)
    {
        var present = headers.Select(NormaliseHeader)
            .Select(h => _fieldsByHeader.GetValueOrDefault(h))
            .OfType<FieldMapping>()
            .ToHashSet();
        return _mapping.Fields.Where(f => f.Required && !present.Contains(f)).Select(f => f.Column).ToList();
    }

    /// <summary>Normalises one row; either the record or the reasons it is rejected.</summary>
    public bool TryNormalise(FeedRow row, out NormalisedRecord? record, out IReadOnlyList<Rejection> rejections)
    {
        ArgumentNullException.ThrowIfNull(row);
        record = null;
        if (row.Problem is not null)
        {
            rejections = [new Rejection(row.Number, row.ProblemField, row.Problem)];
            return false;
        }

        var raw = new Dictionary<FieldMapping, string?>();
        var sentAs = new Dictionary<FieldMapping, string>();
        foreach (var (header, value) in row.Values)
        {
            if (!_fieldsByHeader.TryGetValue(NormaliseHeader(header), out var field))
            {
                continue;
            }

            // Two keys for one attribute (a JSON record with both 身份证号码 and 公民身份号码): neither may win silently.
            if (!sentAs.TryAdd(field, header))
            {
                rejections = [new Rejection(row.Number, field.Column, $"the record has two keys for this field, '{FeedLimits.ColumnName(sentAs[field])}' and '{FeedLimits.ColumnName(header)}'; send one")];
                return false;
            }

            if (!string.IsNullOrWhiteSpace(value))
            {
                raw[field] = value;
            }
        }

        var problems = new List<Rejection>();
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        ResidentId? residentId = null;
        string? idProblem = null;
        foreach (var field in _mapping.Fields)
        {
            if (!raw.TryGetValue(field, out var value))
            {
                if (field.Type == FieldType.ResidentId)
                {
                    idProblem = MissingValue;
                }
                else if (field.Required)
                {
                    problems.Add(new Rejection(row.Number, field.Column, MissingValue));
                }

                continue;
            }

            if (field.Type == FieldType.ResidentId)
            {
                if (ResidentId.TryParse(value, _feedDate, out var id, out var idReason))
                {
                    residentId = id;
                    attributes[field.Attribute] = id.Value.Value;
                }
                else if (RecordLimits.ValueTooLong(ValueNormaliser.Text(value)!) is { } tooLong)
                {
                    // Too long to keep as sent, so the record cannot be kept for matching either.
                    problems.Add(new Rejection(row.Number, field.Column, tooLong));
                }
                else
                {
                    // Kept (never "fixed") so a data steward can see what the department sent. A number that fails
                    // its check character, names no GB/T 2260 division or was born after the feed's date is no
                    // key: the record goes on without an ID, as the source's matchWithoutId allows.
                    idProblem = idReason;
                    attributes[field.Attribute + AsSentSuffix] = ValueNormaliser.Text(value)!;
                }

                continue;
            }

            if (TryNormaliseValue(field, value, out var normalised, out var reason))
            {
                if (RecordLimits.ValueTooLong(normalised!) is { } tooLong)
                {
                    problems.Add(new Rejection(row.Number, field.Column, tooLong));
                    continue;
                }

                attributes[field.Attribute] = normalised!;
            }
            else
            {
                problems.Add(new Rejection(row.Number, field.Column, reason!));
            }
        }

        if (residentId is null && !problems.Any(p => p.Field == _mapping.ResidentIdField.Column) && (problems.Count > 0 || !CanMatchWithoutId(attributes)))
        {
            problems.Insert(0, new Rejection(row.Number, _mapping.ResidentIdField.Column, idProblem ?? MissingValue));
        }

        var discriminator = Uri.EscapeDataString(string.Join('~', _mapping.RecordKey.Select(k => attributes.GetValueOrDefault(k, string.Empty))));
        if (problems.Count == 0 && (RecordLimits.KeyTooLong(discriminator) ?? RecordLimits.RecordTooLong(attributes)) is { } tooLarge)
        {
            problems.Add(new Rejection(row.Number, null, tooLarge));
        }

        rejections = problems;
        if (problems.Count > 0)
        {
            return false;
        }

        record = new NormalisedRecord(row.Number, residentId, discriminator, attributes)
        {
            IdProblem = residentId is null ? new Rejection(row.Number, _mapping.ResidentIdField.Column, idProblem ?? MissingValue) : null,
        };
        return true;
    }

    /// <summary>
    /// A record without a usable ID is kept for matching when the source allows it and the record can be matched at
    /// all: a name, and a birth date, a phone or a division to tell namesakes apart.
    /// </summary>
    private bool CanMatchWithoutId(Dictionary<string, string> attributes) =>
        _mapping.MatchWithoutId
        && _mapping.Fields.Any(f => f.Type == FieldType.Name && attributes.ContainsKey(f.Attribute))
        && _mapping.Fields.Any(f => f.Type is FieldType.Date or FieldType.Phone or FieldType.Division
            && attributes.ContainsKey(f.Attribute)
            && (f.Type != FieldType.Date || f.Attribute == BirthDateAttribute));

    private bool TryNormaliseValue(FieldMapping field, string? value, out string? normalised, out string? reason)
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
                var label = ValueNormaliser.Text(value) ?? string.Empty;
                if (_codeLists[field.CodeList!].TryGetValue(label, out var code))
                {
                    normalised = code;
                    return true;
                }

                // The value itself is not quoted: a shifted column could put personal data here.
                reason = $"value is not in the code list {field.CodeList} (expected one of: {string.Join(", ", _mapping.CodeLists[field.CodeList!].Keys)})";
                return false;
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
