namespace Hub.Core.Access.Residents;

/// <summary>
/// How many rows of the candidate index a blocking key of each heavily shared kind is spread over, and how many persons
/// a row holds: Azure takes 252 properties a row besides its keys and time, and the index gives each person filed under
/// a key a column. Public so that the capacity model checks the city's busiest keys against the same numbers.
/// </summary>
public static class CandidateKeyRows
{
    /// <summary>The columns a row holds: one person each.</summary>
    public const int ColumnsPerRow = 252;

    /// <summary>Rows of a birth date's key.</summary>
    public const int BirthDate = 16;

    /// <summary>Rows of the key of a name's sound within a county.</summary>
    public const int NameSoundInCounty = 4;

    /// <summary>Rows of a phone's key.</summary>
    public const int Phone = 16;
}
