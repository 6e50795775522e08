namespace Hub.Core.Kernel;

/// <summary>
/// China Standard Time, UTC+8 all year (China has kept no daylight saving time since 1991): the calendar the birth
/// dates of ID numbers are written in, and so the one a feed's date is counted in when births are checked against it.
/// </summary>
/// <remarks>
/// A fixed offset rather than the time-zone database: the offset has not changed since 1991, and a container
/// without tzdata or with invariant globalisation must count the same day.
/// </remarks>
public static class ChinaStandardTime
{
    /// <summary>Eight hours east of UTC.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The date <paramref name="instant"/> falls on in China.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}
