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
}