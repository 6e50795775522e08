namespace Hub.Samples;

/// <summary>The mistakes real departmental exports carry, injected into sample feeds at a configured rate.</summary>
public enum MistakeKind
{
    /// <summary>The ID number typed with full-width digits (１１０１０５…); the Hub normalises it.</summary>
    FullWidthDigits = 1,

    /// <summary>A lower-case <c>x</c> as the check character; the Hub normalises it.</summary>
    LowerCaseX,

    /// <summary>A 15-digit legacy number (GB 11643-1989) for an older person; the Hub upgrades it.</summary>
    LegacyFifteenDigitId,

    /// <summary>The ID number turned into a number by a spreadsheet (<c>1.10105E+17</c>); the Hub rejects it.</summary>
    ScientificNotation,

    /// <summary>A typo in the check character; the Hub rejects it.</summary>
    WrongCheckCharacter,

    /// <summary>A required cell left empty; the Hub rejects the row.</summary>
    MissingRequiredValue,

    /// <summary>A date written <c>1990/1/2</c>; the Hub normalises it.</summary>
    SlashDate,

    /// <summary>A date written <c>19900102</c>; the Hub normalises it.</summary>
    CompactDate,

    /// <summary>A date written <c>1990年1月2日</c>; the Hub normalises it.</summary>
    ChineseDate,

    /// <summary>A space inside the name (<c>张 三</c>); the Hub removes it.</summary>
    SpaceInName,

    /// <summary>The name in traditional characters (<c>張三</c>); accepted as written, a different spelling of one person.</summary>
    TraditionalCharacters,

    /// <summary>A mobile number with the <c>+86</c> country code; the Hub strips it.</summary>
    PhoneCountryCode,

    /// <summary>The ID cell left empty; the Hub cannot key the row and must match it on its other fields.</summary>
    MissingId,

    /// <summary>
    /// One digit of the ID number typed wrong, or two neighbouring digits swapped; the check character catches both,
    /// so the Hub refuses the number and must match the row on its other fields.
    /// </summary>
    MistypedIdDigit,

    /// <summary>
    /// The ID number without its check character (often an X a system would not take); 17 characters, refused, but
    /// the first 17 survive for matching.
    /// </summary>
    DroppedCheckCharacter,

    /// <summary>
    /// The department still holds the person's previous residence (division, grid and address): its snapshot
    /// predates a move. Drawn per person at <see cref="FeedWriterOptions.StaleResidenceRate"/>, never by <see cref="FeedWriterOptions.MistakeRate"/>.
    /// </summary>
    PreviousResidence,

    /// <summary>
    /// The department still holds the person's previous phone number. Drawn per person at
    /// <see cref="FeedWriterOptions.StalePhoneRate"/>, never by <see cref="FeedWriterOptions.MistakeRate"/>.
    /// </summary>
    PreviousPhone,
}