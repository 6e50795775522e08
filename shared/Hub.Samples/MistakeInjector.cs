using System.Globalization;
using Hub.Core.Feeds.Sources;

namespace Hub.Samples;

/// <summary>
/// Puts realistic mistakes into rows. Which rows get one is decided by selection sampling (Knuth's algorithm S):
/// exactly round(rate × total) of <c>total</c> rows, in one pass, without holding the rows. ID problems
/// (<see cref="FeedWriterOptions.IdProblemRate"/>) and traditional-character names
/// (<see cref="FeedWriterOptions.TraditionalNameRate"/>) are chosen the same way, independently, each from a random
/// source of its own, so that turning them on leaves the other mistakes where they were.
/// </summary>
internal sealed class MistakeInjector
{
    // Stale snapshots are a property of a person in a feed, not of a row: FeedWriter draws them per person.
    private static readonly MistakeKind[] AllKinds = Enum.GetValues<MistakeKind>().Where(k => k is not (MistakeKind.PreviousResidence or MistakeKind.PreviousPhone)).ToArray();

    // How IDs become unusable in departmental exports, roughly as often as each is seen: a blank cell most, then
    // spreadsheet mangling and typing errors.
    private static readonly (MistakeKind Item, int Weight)[] IdProblems =
    [
        (MistakeKind.MissingId, 35), (MistakeKind.ScientificNotation, 20), (MistakeKind.MistypedIdDigit, 20),
        (MistakeKind.WrongCheckCharacter, 15), (MistakeKind.DroppedCheckCharacter, 10),
    ];

    private readonly Random _random;
    private readonly Random _idRandom;
    private readonly Random _nameRandom;
    private readonly MistakeKind[] _kinds;
    private readonly FieldMapping _id;
    private readonly FieldMapping? _name;
    private readonly FieldMapping[] _dates;
    private readonly FieldMapping[] _phones;
    private readonly FieldMapping[] _required;
    private readonly string _dateFormat;
    private long _remaining;
    private long _toChoose;
    private long _idRemaining;
    private long _idToChoose;
    private long _nameRemaining;
    private long _nameToChoose;

    public MistakeInjector(SourceMapping mapping, FeedWriterOptions options, int seed, long total)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MistakeRate, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MistakeRate, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.IdProblemRate, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.IdProblemRate, 1.0);
        _random = new Random(seed);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TraditionalNameRate, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.TraditionalNameRate, 1.0);
        _idRandom = new Random(SeedMixer.Mix(seed, 0x1D));
        _nameRandom = new Random(SeedMixer.Mix(seed, 0x5A));
        _kinds = AllKinds.Where(k => options.Mistakes?.Contains(k) ?? true).ToArray();
        _id = mapping.ResidentIdField;
        _name = mapping.Fields.FirstOrDefault(f => f.Type == FieldType.Name && f.Attribute == "name");
        _dates = mapping.Fields.Where(f => f.Type == FieldType.Date).ToArray();
        _phones = mapping.Fields.Where(f => f.Type == FieldType.Phone).ToArray();
        _required = mapping.Fields.Where(f => f.Required).ToArray();
        _dateFormat = RowComposer.DateFormatOf(mapping);
        _remaining = _idRemaining = _nameRemaining = total;
        _nameToChoose = (long)Math.Round(options.TraditionalNameRate * total, MidpointRounding.AwayFromZero);
        _toChoose = (long)Math.Round(options.MistakeRate * total, MidpointRounding.AwayFromZero);
        _idToChoose = (long)Math.Round(options.IdProblemRate * total, MidpointRounding.AwayFromZero);
    }

    /// <summary>Decides whether the next row gets a mistake (and an ID problem) and, if so, applies it to <paramref name="row"/>.</summary>
    public IReadOnlyList<InjectedMistake> Next(Person person, Dictionary<string, string?> row)
    {
        var mistakes = new List<InjectedMistake>(2);
        if (Choose(_random, ref _remaining, ref _toChoose))
        {
            var applicable = _kinds.Where(k => Applies(k, person, row)).ToArray();
            if (applicable.Length > 0)
            {
                var kind = _random.Pick(applicable);
                mistakes.Add(new InjectedMistake(kind, Apply(kind, person, row, _random)));
            }
        }

        if (Choose(_idRandom, ref _idRemaining, ref _idToChoose) && mistakes.All(m => m.Column != _id.Column))
        {
            var kind = _idRandom.Pick<MistakeKind>(IdProblems);
            kind = Applies(kind, person, row) ? kind : MistakeKind.MissingId;
            if (Applies(kind, person, row))
            {
                mistakes.Add(new InjectedMistake(kind, Apply(kind, person, row, _idRandom)));
            }
        }

        if (Choose(_nameRandom, ref _nameRemaining, ref _nameToChoose) && _name is not null && mistakes.All(m => m.Column != _name.Column)
            && Applies(MistakeKind.TraditionalCharacters, person, row))
        {
            mistakes.Add(new InjectedMistake(MistakeKind.TraditionalCharacters, Apply(MistakeKind.TraditionalCharacters, person, row, _nameRandom)));
        }

        return mistakes;
    }

    private static bool Choose(Random random, ref long remaining, ref long toChoose)
    {
        var chosen = remaining > 0 && random.NextDouble() * remaining < toChoose;
        remaining--;
        if (chosen)
        {
            toChoose--;
        }

        return chosen;
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
            MistakeKind.MissingId => id is not null,
            MistakeKind.MistypedIdDigit => id is { Length: 18 } && id.AsSpan(0, 17).IndexOfAnyExceptInRange('0', '9') < 0,
            MistakeKind.DroppedCheckCharacter => id is { Length: 18 },
            _ => false,
        };
    }

    private string Apply(MistakeKind kind, Person person, Dictionary<string, string?> row, Random random)
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
                row[id] = string.Concat(value.AsSpan(0, 17), random.Pick(wrong).ToString());
                return id;
            case MistakeKind.MissingRequiredValue:
                var field = random.Pick(_required.Where(f => row[f.Column] is not null).ToArray());
                row[field.Column] = null;
                return field.Column;
            case MistakeKind.MissingId:
                row[id] = null;
                return id;
            case MistakeKind.MistypedIdDigit:
                row[id] = Mistype(row[id]!, random);
                return id;
            case MistakeKind.DroppedCheckCharacter:
                row[id] = row[id]![..17];
                return id;
            case MistakeKind.SlashDate or MistakeKind.CompactDate or MistakeKind.ChineseDate:
                var dateField = random.Pick(_dates.Where(f => row[f.Column] is not null).ToArray());
                row[dateField.Column] = Respell(kind, ParseClean(row[dateField.Column]!));
                return dateField.Column;
            case MistakeKind.SpaceInName:
                var name = row[_name!.Column]!;
                var at = name.Length >= 3 && random.Chance(0.5) ? 2 : 1;
                row[_name.Column] = string.Concat(name.AsSpan(0, at), " ", name.AsSpan(at));
                return _name.Column;
            case MistakeKind.TraditionalCharacters:
                row[_name!.Column] = Names.ToTraditional(row[_name.Column]!);
                return _name.Column;
            default:
                var phone = random.Pick(_phones.Where(f => IsMobile(row[f.Column])).ToArray());
                row[phone.Column] = (random.Chance(0.5) ? "+86 " : "+86") + row[phone.Column];
                return phone.Column;
        }
    }

    /// <summary>
    /// Changes one of the first 17 digits, or swaps two different neighbours among them. ISO 7064 MOD 11-2 detects
    /// both, so the result always fails its check character.
    /// </summary>
    private static string Mistype(string id, Random random)
    {
        var digits = id.ToCharArray();
        var swaps = Enumerable.Range(0, 16).Where(i => digits[i] != digits[i + 1]).ToArray();
        if (swaps.Length > 0 && random.Chance(0.3))
        {
            var at = random.Pick(swaps);
            (digits[at], digits[at + 1]) = (digits[at + 1], digits[at]);
        }
        else
        {
            var at = random.Next(17);
            digits[at] = random.Pick("0123456789".Where(c => c != digits[at]).ToArray());
        }

        return new string(digits);
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