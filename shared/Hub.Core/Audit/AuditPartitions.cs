using System.Globalization;

namespace Hub.Core.Audit;

/// <summary>Names the audit table's partitions and rows.</summary>
internal static class AuditPartitions
{
    /// <summary>The row of a day partition's chain head; sorts after every event row (all digits).</summary>
    public const string HeadRow = "head";

    /// <summary>The partition of the pointer to the chain's latest day.</summary>
    public const string PointerPartition = "chain";

    public const string PointerRow = "latest";

    /// <summary>Event rows sort below this key, the head row above it.</summary>
    public const string EventRowsEnd = ":";

    public static string ForDay(DateTimeOffset time) => "d" + time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static DateOnly DayOf(string partition) => DateOnly.ParseExact(partition.AsSpan(1), "yyyyMMdd", CultureInfo.InvariantCulture);

    public static string ForDay(DateOnly day) => "d" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string EventRow(long sequence) => sequence.ToString("D19", CultureInfo.InvariantCulture);
}
