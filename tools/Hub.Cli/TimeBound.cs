using System.Globalization;

namespace Hub.Cli;

/// <summary>A command-line time: a UTC day (the whole day) or an exact ISO 8601 time.</summary>
/// <param name="Start">Where a range that starts here starts.</param>
/// <param name="End">Where a range that ends here ends (exclusive): the next midnight for a day.</param>
internal sealed record TimeBound(DateTimeOffset Start, DateTimeOffset End)
{
    public static TimeBound? TryParse(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return new TimeBound(midnight, midnight.AddDays(1));
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? new TimeBound(time, time) : null;
    }
}
