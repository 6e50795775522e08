using System.Collections.Concurrent;
using Hub.Core.Divisions;
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

    private const int MaxHeadersRemembered = 1024;

    private const string Unmatchable = "the record cannot be matched without an ID number: it needs a name and a birth date, phone or division";

    private readonly SourceMapping _mapping;
    private readonly DateOnly _feedDate;
    private readonly Dictionary<string, string> _columnsByHeader;
    private readonly List<FieldReader> _readers;
    private readonly TypedValueNormaliser _values;
    private readonly DivisionRegistry? _divisions;

    // Every row of a file names the same headers: each is normalised (NFKC and whitespace) once, not once per row. JSON
    // records may each bring other keys, so only so many are remembered.
    private readonly ConcurrentDictionary<string, string?> _columnsSeen = new(StringComparer.Ordinal);

    /// <summary>Prepares a normaliser for one feed of a source.</summary>
    /// <param name="mapping">The source's mapping.</param>
    /// <param name="feedDate">
    /// The day the feed was received, in China Standard Time (<see cref="ChinaStandardTime.DateOf"/>); an ID number
    /// with a birth date after it is not usable. A dry run passes today.
    /// </param>
    /// <param name="divisions">
    /// The division registry division codes are checked against (unknown or retired on the feed's day: a warning, or a
    /// rejection as the mapping's <see cref="SourceMapping.UnknownDivisions"/> says); null checks only their form.
    /// </param>
    public RecordNormaliser(SourceMapping mapping, DateOnly feedDate, DivisionRegistry? divisions = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        _mapping = mapping;
        _feedDate = feedDate;
        _divisions = divisions;
        _columnsByHeader = SourceColumns.ByHeader(mapping, NormaliseHeader);
        _readers = [.. mapping.Fields.Select(f => new FieldReader(f, f.Column.Length > 0 && mapping.Fields.Count(o => o.Column == f.Column) > 1))];

        // A plain column may also be sent under its attribute's name (a JSON key such as residentId).
        foreach (var field in mapping.Fields.Where(f => f.IsPlainColumn && mapping.Fields.Count(o => o.Column == f.Column) == 1))
        {
            _columnsByHeader.TryAdd(NormaliseHeader(field.Attribute), field.Column);
        }

        _values = new TypedValueNormaliser(mapping);
    }

    /// <summary>Headers are matched after width normalisation and trimming, so <c>身份证号码 </c> still matches.</summary>
    public static string NormaliseHeader(string header) => ValueNormaliser.Text(header.Trim('\uFEFF')) ?? string.Empty;

    /// <summary>
    /// The mapped column a header stands for (the column as the mapping names it, whichever alias was sent), or null
    /// for a column the mapping does not know.
    /// </summary>
    public string? ColumnFor(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (_columnsSeen.TryGetValue(header, out var column))
        {
            return column;
        }

        column = _columnsByHeader.GetValueOrDefault(NormaliseHeader(header));
        if (_columnsSeen.Count < MaxHeadersRemembered)
        {
            _columnsSeen.TryAdd(header, column);
        }

        return column;
    }

    /// <summary>The required columns a file's header row lacks; a feed that lacks one cannot be processed.</summary>
    public IReadOnlyList<string> MissingRequiredColumns(IEnumerable<string> headers)
    {
        var present = headers.Select(ColumnFor).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return _mapping.Fields.Where(f => f.Required)
            .SelectMany(f => f.Template is { } template ? FieldTemplate.Columns(template).Select(c => _columnsByHeader.GetValueOrDefault(NormaliseHeader(c), c)) : f.Column.Length > 0 ? [f.Column] : [])
            .Where(c => !present.Contains(c))
            .Distinct(StringComparer.Ordinal)
            .ToList();
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

        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        var sentAs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (header, value) in row.Values)
        {
            if (ColumnFor(header) is not { } column)
            {
                continue;
            }

            // Two keys for one column (a JSON record with both 身份证号码 and 公民身份号码): neither may win silently.
            if (!sentAs.TryAdd(column, header))
            {
                rejections = [new Rejection(row.Number, column, $"the record has two keys for this field, '{FeedLimits.ColumnName(sentAs[column])}' and '{FeedLimits.ColumnName(header)}'; send one")];
                return false;
            }

            if (!string.IsNullOrWhiteSpace(value))
            {
                raw[column] = value;
            }
        }

        string? ColumnValue(string name) => ColumnFor(name) is { } column ? raw.GetValueOrDefault(column) : null;

        var values = new RowValues(row.Number);
        foreach (var reader in _readers)
        {
            var value = reader.Source(ColumnValue);
            if (reader.Field.Type == FieldType.ResidentId)
            {
                ReadId(reader, value, values);
            }
            else
            {
                Read(reader, value, values);
            }
        }

        return Finish(row.Number, values, out record, out rejections);
    }

    private void ReadId(FieldReader reader, string? value, RowValues values)
    {
        var field = reader.Field;
        values.IdField = reader.ReportField;
        if (value is null)
        {
            values.IdProblem = MissingValue;
            return;
        }

        if (!reader.TryTake(value, out var part, out var takeReason))
        {
            values.IdProblem = takeReason;
        }
        else if (ResidentId.TryParse(part, _feedDate, out var id, out var idReason))
        {
            values.ResidentId = id;
            values.Attributes[field.Attribute] = id.Value.Value;
            return;
        }
        else
        {
            values.IdProblem = idReason;
            value = part;
        }

        if (RecordLimits.ValueTooLong(ValueNormaliser.Text(value)!) is { } tooLong)
        {
            // Too long to keep as sent, so the record cannot be kept for matching either.
            values.Problems.Add(new Rejection(values.Row, reader.ReportField, tooLong));
            return;
        }

        // Kept (never "fixed") so a data steward can see what the department sent. A number that fails its check
        // character, names no GB/T 2260 division or was born after the feed's date is no key: the record goes on
        // without an ID, as the source's matchWithoutId allows.
        values.Attributes[field.Attribute + AsSentSuffix] = ValueNormaliser.Text(value)!;
    }

    private void Read(FieldReader reader, string? value, RowValues values)
    {
        var field = reader.Field;
        if (value is null)
        {
            if (field.Required)
            {
                values.Problems.Add(new Rejection(values.Row, reader.ReportField, MissingValue));
            }

            return;
        }

        string? reason;
        if (reader.TryTake(value, out var part, out reason) && _values.TryNormalise(field, part, out var normalised, out reason))
        {
            if (RecordLimits.ValueTooLong(normalised!) is { } tooLong)
            {
                values.Problems.Add(new Rejection(values.Row, reader.ReportField, tooLong));
            }
            else if (field.Type == FieldType.Division && UnknownDivision(normalised!) is { } unknown)
            {
                var notInForce = new Rejection(values.Row, reader.ReportField, unknown);
                if (_mapping.UnknownDivisions == UnknownDivisionPolicy.Reject)
                {
                    values.Problems.Add(notInForce);
                }
                else
                {
                    values.Attributes[field.Attribute] = normalised!;
                    values.Warnings.Add(new ValueWarning(notInForce, InvalidValuePolicy.Keep));
                }
            }
            else
            {
                values.Attributes[field.Attribute] = normalised!;
            }

            return;
        }

        var problem = new Rejection(values.Row, reader.ReportField, reason!);
        switch (field.InvalidValues)
        {
            case InvalidValuePolicy.Drop:
                values.Warnings.Add(new ValueWarning(problem, InvalidValuePolicy.Drop));
                break;
            case InvalidValuePolicy.Keep when ValueNormaliser.Text(value) is { } sent && RecordLimits.ValueTooLong(sent) is null:
                // As sent means as the department wrote it: not in the field's normal form, so a reader cannot mistake it for one.
                values.Attributes[field.Attribute] = sent;
                values.Warnings.Add(new ValueWarning(problem, InvalidValuePolicy.Keep));
                break;
            default:
                values.Problems.Add(problem);
                break;
        }
    }

    /// <summary>Why the registry does not take a well-formed division code; null when it is in force on the feed's day.</summary>
    private string? UnknownDivision(string code)
    {
        if (_divisions is null || _divisions.Divisions.Count == 0)
        {
            return null;
        }

        var division = DivisionCode.Parse(code);
        return _divisions.Standing(division, _feedDate) switch
        {
            DivisionStanding.Unknown => $"division code is not in the division registry {_divisions.Version}",
            DivisionStanding.Retired when _divisions.Current(division) is var current && current != division =>
                $"division code was retired (division registry {_divisions.Version}); it now lies in {current.Value}",
            DivisionStanding.Retired => $"division code is not in force on the feed's day (division registry {_divisions.Version})",
            _ => null,
        };
    }

    private bool Finish(long row, RowValues values, out NormalisedRecord? record, out IReadOnlyList<Rejection> rejections)
    {
        record = null;
        var problems = values.Problems;
        var attributes = values.Attributes;
        if (_mapping.Identity == SourceIdentity.None)
        {
            // A layout without IDs: no ID problem to report, but a record the matcher cannot use is not kept.
            if (problems.Count == 0 && !CanMatchWithoutId(attributes))
            {
                problems.Add(new Rejection(row, null, Unmatchable));
            }
        }
        else if (values.ResidentId is null && !problems.Any(p => p.Field == values.IdField) && (problems.Count > 0 || !CanMatchWithoutId(attributes)))
        {
            problems.Insert(0, new Rejection(row, values.IdField, values.IdProblem ?? MissingValue));
        }

        var discriminator = Uri.EscapeDataString(string.Join('~', _mapping.RecordKey.Select(k => attributes.GetValueOrDefault(k, string.Empty))));
        if (problems.Count == 0 && (RecordLimits.KeyTooLong(discriminator) ?? RecordLimits.RecordTooLong(attributes)) is { } tooLarge)
        {
            problems.Add(new Rejection(row, null, tooLarge));
        }

        rejections = problems;
        if (problems.Count > 0)
        {
            return false;
        }

        record = new NormalisedRecord(row, values.ResidentId, discriminator, attributes)
        {
            IdProblem = values.ResidentId is null && values.IdField is not null ? new Rejection(row, values.IdField, values.IdProblem ?? MissingValue) : null,
            Warnings = values.Warnings,
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
}
