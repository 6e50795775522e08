namespace Hub.Core.Identity.Matching;

/// <summary>How far two values agree; each comparator produces a few of these, and each has its own weight.</summary>
public enum ComparisonLevel
{
    /// <summary>The values are the same.</summary>
    Exact = 1,

    /// <summary>
    /// Names similar enough: Jaro-Winkler at or above the threshold, the same sound in as many characters (a
    /// homophone), the same characters in another order, or one character apart in a name of three or more.
    /// Addresses: one is the other abbreviated.
    /// </summary>
    Similar,

    /// <summary>Names of as many characters that read alike but for one character, whose pinyin is one letter from the other's (明 ming, 敏 min).</summary>
    Close,

    /// <summary>Dates with the same year and month, with day and month swapped, or one typing error apart.</summary>
    Partial,

    /// <summary>Divisions in the same street or township (first 9 digits).</summary>
    Street,

    /// <summary>Divisions in the same county or district (first 6 digits).</summary>
    County,

    /// <summary>ID numbers one typing error apart: a digit changed, dropped or added, or two neighbours swapped.</summary>
    OneEdit,

    /// <summary>The leading ID digits that survived (the address code of a spreadsheet-mangled number) agree.</summary>
    Prefix,

    /// <summary>The values disagree. For ID numbers this is a contradiction, which rules out an automatic link.</summary>
    Different,

    /// <summary>
    /// One side has no value, or (for the address comparator) the addresses differ where the residence divisions differ
    /// too, or (for the phone) the incoming record's phone is shared by more persons than a household
    /// (<see cref="PersonMatcher.SharedPhoneHolders"/>); the field counts for nothing (weight 0) and has no weight in
    /// rules files.
    /// </summary>
    Missing,
}
