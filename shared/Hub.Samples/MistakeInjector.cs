using System.Globalization;
using Hub.Core.Sources;

namespace Hub.Samples;

/// <summary>
/// Puts realistic mistakes into rows. Which rows get one is decided by selection sampling (Knuth's algorithm S):
/// exactly round(rate × total) of <c>total</c> rows, in one pass, without holding the rows.
/// </summary>
internal sealed class MistakeInjector
{
    private static readonly MistakeKind[] AllKinds = Enum.GetValues<MistakeKind>();

    private readonly Random _random;
    private readonly MistakeKind[] _kinds;
    private readonly FieldMapping _id;
    private readonly FieldMapping? _name;
    private readonly FieldMapping[] _dates;
    private readonly FieldMapping[] _phones;
    private readonly FieldMapping[] _required;
    private readonly string _dateFormat;
    private long _remaining;
    private long _toChoose;

    public MistakeInjector(SourceMapping mapping, FeedWriterOptions options, int seed, long total)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MistakeRate, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MistakeRate, 1.0);
        _random = new Random(seed);
        _kinds = AllKinds.Where(k => options.Mistakes?.Contains(k) ?? true).ToArray();
        _id = mapping.ResidentIdField;
        _name = mapping.Fields.FirstOrDefault(f => f.Type == FieldType.Name && f.Attribute == "name");
        _dates = mapping.Fields.Where(f => f.Type == FieldType.Date).ToArray();
        _phones = mapping.Fields.Where(f => f.Type == FieldType.Phone).ToArray();
        _required = mapping.Fields.Where(f => f.Required).ToArray();
        _dateFormat = RowComposer.DateFormatOf(mapping);
        _remaining = total;
        _toChoose = (long)Math.Round(options.MistakeRate * total, MidpointRounding.AwayFromZero);
    }

    /// <summary>Decides whether the next row gets a mistake and, if so, applies one to <paramref name="row"/>.</summary>
    public IReadOnlyList<InjectedMistake> Next(Person person, Dictionary<string, string?> row)
    {
        var chosen = _remaining > 0 && _random.NextDouble() * _remaining < _toChoose;
        _remaining--;
        if (!chosen)
        {
            return [];
        }

        _toChoose--;
        var applicable = _kinds.Where(k => Applies(k, person, row)).ToArray();
        if (applicable.Length == 0)
        {
            return [];
        }

        var kind = _random.Pick(applicable);
        return [new InjectedMistake(kind, Apply(kind, person, row))];
    }

    private bool Applies(MistakeKind kind, Person person, Dictionary<string, string?> row)
    {
        var id = row[_id.Column];
        return kind switch
        {
            MistakeKind.FullWidthDigits or MistakeKind.WrongCheckCharacter => id is not null,
            MistakeKind.LowerCaseX => id?.EndsWith('X') == true,

            // Only people registered before 1999 ever held a 15-digit number.
            MistakeKind.LegacyFifteenDigitId => id is not null && person.BirthDate.Year is >= 1900 and < 1966,

            // A number ending in X stays text in a spreadsheet; only all-digit numbers get mangled.
            MistakeKind.ScientificNotation => id?.All(char.IsAsciiDigit) == true,
            MistakeKind.MissingRequiredValue => _required.Any(f => row[f.Column] is not null),
            MistakeKind.SlashDate or MistakeKind.CompactDate or MistakeKind.ChineseDate => _dates.Any(f => row[f.Column] is not null),
            MistakeKind.SpaceInName => _name is not null && row[_name.Column] is { Length: >= 2 },
            MistakeKind.TraditionalCharacters => _name is not null && row[_name.Column] is { } name && Names.ToTraditional(name) is not null,
            MistakeKind.PhoneCountryCode => _phones.Any(f => IsMobile(row[f.Column])),
            _ => false,
        };
    }

    private string Apply(MistakeKind kind, Person person, Dictionary<string, string?> row)
    {
        var id = _id.Column;
        switch (kind)
        {
            case MistakeKind.FullWidthDigits:
                row[id] = string.Concat(row[id]!.Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '０') : c));
                return id;
            case MistakeKind.LowerCaseX:
                row[id] = row[id]!.Replace('X', 'x');
                return id;
            case MistakeKind.LegacyFifteenDigitId:
                var full = person.ResidentId.Value;
                row[id] = string.Concat(full.AsSpan(0, 6), full.AsSpan(8, 9));
                return id;
            case MistakeKind.ScientificNotation:
                // Excel's General format keeps six significant digits of a number this large.
                row[id] = double.Parse(row[id]!, CultureInfo.InvariantCulture).ToString("0.#####E+0", CultureInfo.InvariantCulture);
                return id;
            case MistakeKind.WrongCheckCharacter:
                var value = row[id]!;
                var wrong = "0123456789X".Where(c => c != value[^1]).ToArray();
                row[id] = string.Concat(value.AsSpan(0, 17), _random.Pick(wrong).ToString());
                return id;
            case MistakeKind.MissingRequiredValue:
                var field = _random.Pick(_required.Where(f => row[f.Column] is not null).ToArray());
                row[field.Column] = null;
                return field.Column;
            case MistakeKind.SlashDate or MistakeKind.CompactDate or MistakeKind.ChineseDate:
                var dateField = _random.Pick(_dates.Where(f => row[f.Column] is not null).ToArray());
                row[dateField.Column] = Respell(kind, ParseClean(row[dateField.Column]!));
                return dateField.Column;
            case MistakeKind.SpaceInName:
                var name = row[_name!.Column]!;
                var at = name.Length >= 3 && _random.Chance(0.5) ? 2 : 1;
                row[_name.Column] = string.Concat(name.AsSpan(0, at), " ", name.AsSpan(at));
                return _name.Column;
            case MistakeKind.TraditionalCharacters:
                row[_name!.Column] = Names.ToTraditional(row[_name.Column]!);
                return _name.Column;
            default:
                var phone = _random.Pick(_phones.Where(f => IsMobile(row[f.Column])).ToArray());
                row[phone.Column] = (_random.Chance(0.5) ? "+86 " : "+86") + row[phone.Column];
                return phone.Column;
        }
    }

    private DateOnly ParseClean(string text) => DateOnly.ParseExact(text, _dateFormat, CultureInfo.InvariantCulture);

    private static string Respell(MistakeKind kind, DateOnly date) => kind switch
    {
        MistakeKind.SlashDate => date.ToString("yyyy/M/d", CultureInfo.InvariantCulture),
        MistakeKind.CompactDate => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        _ => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
    };

    private static bool IsMobile(string? phone) => phone is { Length: 11 } && phone[0] == '1' && phone.All(char.IsAsciiDigit);
}