namespace Hub.Samples.Corruption;

/// <summary>
/// The share of rows, from 0 to 1, that each <see cref="CorruptionKind"/> is drawn for, each independently of the
/// others (a row may get several) and from a random source of its own, so changing one rate leaves every other draw
/// where it was. A row where a drawn corruption cannot apply (no birth date to swap, a name with no homophone in
/// the table) stays as it is. The defaults put at least one corruption into about two rows in five, far more than
/// the departments' everyday mistakes, and make each kind frequent enough (hundreds of rows in a run of 20,000
/// people) to be measured on its own.
/// </summary>
public sealed record CorruptionRates
{
    /// <summary>A character inserted; default 0.01.</summary>
    public double TypoInsertion { get; init; } = 0.01;

    /// <summary>A character left out; default 0.01.</summary>
    public double TypoDeletion { get; init; } = 0.01;

    /// <summary>A character replaced; default 0.02.</summary>
    public double TypoSubstitution { get; init; } = 0.02;

    /// <summary>Two neighbours swapped; default 0.01.</summary>
    public double TypoTransposition { get; init; } = 0.01;

    /// <summary>A character read as a look-alike; default 0.01.</summary>
    public double OcrSubstitution { get; init; } = 0.01;

    /// <summary>A homophone (同音字), the commonest slip of Chinese input; default 0.03.</summary>
    public double PhoneticSubstitution { get; init; } = 0.03;

    /// <summary>Day and month of the birth date swapped; default 0.01.</summary>
    public double SwappedDayMonth { get; init; } = 0.01;

    /// <summary>Given name first; default 0.005.</summary>
    public double SwappedNameOrder { get; init; } = 0.005;

    /// <summary>One digit of the birth date wrong; default 0.02.</summary>
    public double BirthDateDigit { get; init; } = 0.02;

    /// <summary>The address abbreviated; default 0.15, since departments rarely spell an address alike.</summary>
    public double AbbreviatedAddress { get; init; } = 0.15;

    /// <summary>Another community of the same street; default 0.03.</summary>
    public double WrongCommunity { get; init; } = 0.03;

    /// <summary>A birth date, phone or address missing; default 0.05.</summary>
    public double MissingValue { get; init; } = 0.05;

    /// <summary>No sex; default 0.05.</summary>
    public double NoSex { get; init; } = 0.05;

    /// <summary>No division at all; default 0.03.</summary>
    public double NoDivision { get; init; } = 0.03;

    /// <summary>No ID number; default 0.05.</summary>
    public double NoId { get; init; } = 0.05;

    /// <summary>The row entered a second time; default 0.03.</summary>
    public double Duplicate { get; init; } = 0.03;

    /// <summary>The rate of <paramref name="kind"/>.</summary>
    public double Of(CorruptionKind kind) => kind switch
    {
        CorruptionKind.TypoInsertion => TypoInsertion,
        CorruptionKind.TypoDeletion => TypoDeletion,
        CorruptionKind.TypoSubstitution => TypoSubstitution,
        CorruptionKind.TypoTransposition => TypoTransposition,
        CorruptionKind.OcrSubstitution => OcrSubstitution,
        CorruptionKind.PhoneticSubstitution => PhoneticSubstitution,
        CorruptionKind.SwappedDayMonth => SwappedDayMonth,
        CorruptionKind.SwappedNameOrder => SwappedNameOrder,
        CorruptionKind.BirthDateDigit => BirthDateDigit,
        CorruptionKind.AbbreviatedAddress => AbbreviatedAddress,
        CorruptionKind.WrongCommunity => WrongCommunity,
        CorruptionKind.MissingValue => MissingValue,
        CorruptionKind.NoSex => NoSex,
        CorruptionKind.NoDivision => NoDivision,
        CorruptionKind.NoId => NoId,
        CorruptionKind.Duplicate => Duplicate,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a corruption."),
    };

    /// <summary>No corruption at all: a start for rates of a few kinds, <c>CorruptionRates.None.With(CorruptionKind.NoSex, 1)</c>.</summary>
    public static CorruptionRates None { get; } = new()
    {
        TypoInsertion = 0,
        TypoDeletion = 0,
        TypoSubstitution = 0,
        TypoTransposition = 0,
        OcrSubstitution = 0,
        PhoneticSubstitution = 0,
        SwappedDayMonth = 0,
        SwappedNameOrder = 0,
        BirthDateDigit = 0,
        AbbreviatedAddress = 0,
        WrongCommunity = 0,
        MissingValue = 0,
        NoSex = 0,
        NoDivision = 0,
        NoId = 0,
        Duplicate = 0,
    };

    /// <summary>These rates with <paramref name="kind"/> drawn at <paramref name="rate"/>.</summary>
    public CorruptionRates With(CorruptionKind kind, double rate) => kind switch
    {
        CorruptionKind.TypoInsertion => this with { TypoInsertion = rate },
        CorruptionKind.TypoDeletion => this with { TypoDeletion = rate },
        CorruptionKind.TypoSubstitution => this with { TypoSubstitution = rate },
        CorruptionKind.TypoTransposition => this with { TypoTransposition = rate },
        CorruptionKind.OcrSubstitution => this with { OcrSubstitution = rate },
        CorruptionKind.PhoneticSubstitution => this with { PhoneticSubstitution = rate },
        CorruptionKind.SwappedDayMonth => this with { SwappedDayMonth = rate },
        CorruptionKind.SwappedNameOrder => this with { SwappedNameOrder = rate },
        CorruptionKind.BirthDateDigit => this with { BirthDateDigit = rate },
        CorruptionKind.AbbreviatedAddress => this with { AbbreviatedAddress = rate },
        CorruptionKind.WrongCommunity => this with { WrongCommunity = rate },
        CorruptionKind.MissingValue => this with { MissingValue = rate },
        CorruptionKind.NoSex => this with { NoSex = rate },
        CorruptionKind.NoDivision => this with { NoDivision = rate },
        CorruptionKind.NoId => this with { NoId = rate },
        CorruptionKind.Duplicate => this with { Duplicate = rate },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a corruption."),
    };

    /// <summary>Throws when a rate is outside 0 to 1.</summary>
    public void Validate()
    {
        foreach (var kind in Enum.GetValues<CorruptionKind>())
        {
            var rate = Of(kind);
            if (rate is < 0 or > 1 || double.IsNaN(rate))
            {
                throw new ArgumentOutOfRangeException(kind.ToString(), rate, "A corruption rate is a share of rows, from 0 to 1.");
            }
        }
    }
}
