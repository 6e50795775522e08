using System.Globalization;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;

namespace Hub.Samples.Corruption;

/// <summary>Applies one corruption to the cells of a row, in its source's layout (its columns and date spelling).</summary>
internal sealed class RowCorruptor
{
    private const string Digits = "0123456789";

    // A typing or reading slip in a phone number is kept to its last eight digits: the prefix or area code is what a
    // clerk checks, and the number must stay one the Hub accepts.
    private const int PhoneDigitsEdited = 8;

    private readonly SourceMapping _mapping;
    private readonly string _dateFormat;
    private readonly DateOnly _latest;
    private readonly string? _name;
    private readonly string? _birth;
    private readonly string? _sex;
    private readonly string? _residence;
    private readonly string? _registration;
    private readonly string? _grid;
    private readonly string? _address;
    private readonly string? _phone;

    /// <param name="mapping">The source's layout.</param>
    /// <param name="latest">The feeds' date: no birth date is moved past it.</param>
    public RowCorruptor(SourceMapping mapping, DateOnly latest)
    {
        _mapping = mapping;
        _dateFormat = RowComposer.DateFormatOf(mapping);
        _latest = latest;
        _name = Column("name");
        _birth = Column("birthDate");
        _sex = Column("sex");
        _residence = Column("residenceDivision");
        _registration = Column("registrationDivision");
        _grid = Column("residenceGrid");
        _address = Column("residenceAddress");
        _phone = Column("phone");
        IdColumn = mapping.ResidentIdField.Column;
        CertificateColumn = Column("disabilityCertificate");
    }

    /// <summary>The ID number's column.</summary>
    public string IdColumn { get; }

    /// <summary>The disability certificate's column, which holds the ID number; null when the source has none.</summary>
    public string? CertificateColumn { get; }

    /// <summary>The sex's column; null when the source has none.</summary>
    public string? SexColumn => _sex;

    /// <summary>Applies <paramref name="kind"/> to <paramref name="row"/>; returns the column changed, or null when nothing could be.</summary>
    public string? Apply(CorruptionKind kind, Dictionary<string, string?> row, Random random) => kind switch
    {
        CorruptionKind.TypoInsertion => Edit(row, random, [_name, _address], (column, v) => TextCorruptions.Insert(v, column == _name ? Names.Characters : Distinct(v), random)),
        CorruptionKind.TypoDeletion => Edit(row, random, [_name, _address], (_, v) => TextCorruptions.Delete(v, random)),
        CorruptionKind.TypoSubstitution => Edit(row, random, [_name, _address, _phone], (column, v) =>
            column == _phone ? TextCorruptions.Substitute(v, v.Length - PhoneDigitsEdited, Digits, random)
            : TextCorruptions.Substitute(v, 0, column == _name ? Names.Characters : Distinct(v), random)),
        CorruptionKind.TypoTransposition => Edit(row, random, [_name, _address, _phone], (column, v) =>
            TextCorruptions.Transpose(v, column == _phone ? v.Length - PhoneDigitsEdited : 0, random)),
        CorruptionKind.OcrSubstitution => Edit(row, random, [_name, _phone], (column, v) =>
            TextCorruptions.Confuse(v, column == _phone ? v.Length - PhoneDigitsEdited : 0, LookAlikes.Of, random)),
        CorruptionKind.PhoneticSubstitution => Edit(row, random, [_name], (_, v) => TextCorruptions.Confuse(v, 0, Homophones.Of, random)),
        CorruptionKind.SwappedNameOrder => Edit(row, random, [_name], (_, v) => TextCorruptions.SwapNameOrder(v)),
        CorruptionKind.SwappedDayMonth => Edit(row, random, [_birth], (_, v) => Date(v, TextCorruptions.SwapDayMonth)),
        CorruptionKind.BirthDateDigit => Edit(row, random, [_birth], (_, v) => Date(v, d => TextCorruptions.MistypeDigit(d, _latest, random))),
        CorruptionKind.AbbreviatedAddress => Edit(row, random, [_address], (_, v) => TextCorruptions.Abbreviate(v, random)),
        CorruptionKind.WrongCommunity => Edit(row, random, [Present(row, _residence) ?? _registration], (_, v) => OtherCommunity(v, random)),
        CorruptionKind.MissingValue => Clear(row, random, [.. new[] { _birth, _phone, _address }.Where(c => c is not null && !Field(c).Required)]),
        CorruptionKind.NoSex => Clear(row, random, [_sex]),
        CorruptionKind.NoDivision => ClearAll(row, [_residence, _registration, _grid]),
        CorruptionKind.NoId => Clear(row, random, [IdColumn]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A duplicate is a row of its own, not an edit of one."),
    };

    private static string Distinct(string value) => string.Concat(value.Distinct());

    private static string? Present(Dictionary<string, string?> row, string? column) =>
        column is not null && !string.IsNullOrEmpty(row[column]) ? column : null;

    // Tries the columns that have a value in random order and edits the first the edit applies to.
    private static string? Edit(Dictionary<string, string?> row, Random random, string?[] columns, Func<string, string, string?> edit)
    {
        var present = columns.Select(c => Present(row, c)).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        random.Shuffle(present);
        foreach (var column in present)
        {
            if (edit(column, row[column]!) is { } edited && edited != row[column])
            {
                row[column] = edited;
                return column;
            }
        }

        return null;
    }

    private static string? Clear(Dictionary<string, string?> row, Random random, string?[] columns)
    {
        var present = columns.Select(c => Present(row, c)).OfType<string>().ToArray();
        if (present.Length == 0)
        {
            return null;
        }

        var column = present[random.Next(present.Length)];
        row[column] = null;
        return column;
    }

    private static string? ClearAll(Dictionary<string, string?> row, string?[] columns)
    {
        var present = columns.Select(c => Present(row, c)).OfType<string>().ToArray();
        foreach (var column in present)
        {
            row[column] = null;
        }

        return present.FirstOrDefault();
    }

    private string? Date(string value, Func<DateOnly, DateOnly?> change) =>
        ValueNormaliser.TryDate(value, _mapping.DateFormats, out var date, out _) && change(date) is { } changed
            ? changed.ToString(_dateFormat, CultureInfo.InvariantCulture)
            : null;

    private static string? OtherCommunity(string value, Random random) =>
        DivisionCode.TryParse(value, out var division, out _) ? TextCorruptions.OtherCommunity(division.Value, random).Value : null;

    private FieldMapping Field(string column) => _mapping.Fields.First(f => f.Column == column);

    private string? Column(string attribute) => _mapping.Fields.FirstOrDefault(f => f.Attribute == attribute)?.Column;
}
