namespace Hub.Samples.Corruption;

/// <summary>
/// How the hard quality preset corrupts a row, as public record-linkage benchmarks (FEBRL, GeCo) corrupt theirs:
/// typing and OCR errors, homophones, swapped and missing values, and duplicates. Value edits come first, removals
/// after, so an edited value can still be removed.
/// </summary>
public enum CorruptionKind
{
    /// <summary>A character inserted into the name or the address.</summary>
    TypoInsertion = 1,

    /// <summary>A character of the name or the address left out.</summary>
    TypoDeletion,

    /// <summary>A character of the name, the address or the phone number (one of its last eight digits) replaced by another.</summary>
    TypoSubstitution,

    /// <summary>Two different neighbouring characters of the name, the address or the phone number (its last eight digits) swapped.</summary>
    TypoTransposition,

    /// <summary>A character of the name, or a digit of the phone number, read as one that looks like it (王 as 玉, 0 as 8).</summary>
    OcrSubstitution,

    /// <summary>
    /// A character of the name replaced by a homophone (同音字: 张 as 章, 丽 as 莉), the commonest slip of pinyin input:
    /// the clerk picks the wrong character for the right sound.
    /// </summary>
    PhoneticSubstitution,

    /// <summary>The day and month of the birth date swapped (only where the day is 12 or less and differs from the month).</summary>
    SwappedDayMonth,

    /// <summary>The name written given name first (伟张 for 张伟), as forms laid out for Western names invite.</summary>
    SwappedNameOrder,

    /// <summary>One digit of the birth date (as yyyyMMdd) typed wrong, still a real date no later than the feeds' date.</summary>
    BirthDateDigit,

    /// <summary>The address shortened as clerks shorten it: the city, the district or the street left out, 社区 dropped, 号院 as 号.</summary>
    AbbreviatedAddress,

    /// <summary>The residence (or, lacking it, the registration) division names another community of the same street.</summary>
    WrongCommunity,

    /// <summary>A birth date, a phone number or an address left out (whichever the row has and the source does not require).</summary>
    MissingValue,

    /// <summary>No sex.</summary>
    NoSex,

    /// <summary>No division at all: residence and registration divisions and the grid left out.</summary>
    NoDivision,

    /// <summary>No ID number (the ID cell only; a disability certificate, which holds the number, stays).</summary>
    NoId,

    /// <summary>
    /// The person entered twice by the department: a copy of the row at the end of the feed, without the ID number (with
    /// it, the Hub would refuse the copy as the same record), corrupted again on its own.
    /// </summary>
    Duplicate,
}
