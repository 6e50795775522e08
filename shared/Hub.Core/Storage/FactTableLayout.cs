using System.Globalization;
using Hub.Core.Kernel;

namespace Hub.Core.Storage;

/// <summary>
/// How the person partitions of the <c>facts</c> table are spread over one or more tables: table <c>i</c> holds the
/// partitions from <c>i × 1024 / n</c> up to the next table's first, so reading the tables in order reads the
/// partitions in key order. The first table keeps the name <c>facts</c>, the others add two digits
/// (<c>facts01</c>…<c>facts15</c>). A row whose partition is not a person's stays in the first table.
/// </summary>
/// <remarks>
/// The local emulator keeps each table in one in-memory collection and pays for every replace or delete in proportion
/// to the collection's size, so a store of hundreds of thousands of persons slows every write it takes; sixteen
/// tables make each a sixteenth as large. Azure's cost does not depend on a table's size, so there one table stays.
/// </remarks>
public static class FactTableLayout
{
    /// <summary>The tables the emulator's store is spread over when <see cref="HubStorageOptions.FactTables"/> is left to choose.</summary>
    public const int EmulatorTables = 16;

    /// <summary>The most tables a layout may have.</summary>
    public const int MaxTables = 16;

    /// <summary>The base name every table of the layout starts with (after the name prefix).</summary>
    public const string BaseName = "facts";

    /// <summary>Whether <paramref name="count"/> is a layout the Hub supports: 1, 2, 4, 8 or 16 tables.</summary>
    public static bool IsValidCount(int count) => count is >= 1 and <= MaxTables && (count & (count - 1)) == 0;

    /// <summary>The name of table <paramref name="index"/> of a layout, after <paramref name="prefix"/>.</summary>
    public static string TableName(string prefix, int index) =>
        index == 0 ? prefix + BaseName : string.Create(CultureInfo.InvariantCulture, $"{prefix}{BaseName}{index:d2}");

    /// <summary>The table of <paramref name="count"/> that holds <paramref name="partitionKey"/>.</summary>
    public static int TableOf(string partitionKey, int count) =>
        count == 1 || PartitionOf(partitionKey) is not { } partition ? 0 : partition * count / PersonKey.PartitionCount;

    /// <summary>Whether <paramref name="partitionKey"/> is a person partition (<see cref="PersonKey.FormatPartition"/>).</summary>
    public static bool IsPersonPartition(string partitionKey) => PartitionOf(partitionKey) is not null;

    /// <summary>The first person partition table <paramref name="index"/> of <paramref name="count"/> holds.</summary>
    public static string FirstPartitionOf(int index, int count) => PersonKey.FormatPartition(index * PersonKey.PartitionCount / count);

    /// <summary>
    /// The table name a request names with any layout suffix taken off (<c>facts07</c> is <c>facts</c>), so that
    /// requests are counted by the table the Hub means, whatever the layout.
    /// </summary>
    public static string LogicalName(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        return tableName.Length > 2
            && char.IsAsciiDigit(tableName[^1]) && char.IsAsciiDigit(tableName[^2])
            && tableName.AsSpan(0, tableName.Length - 2).EndsWith(BaseName, StringComparison.Ordinal)
            ? tableName[..^2]
            : tableName;
    }

    // A person partition key is "p" and three hexadecimal digits (PersonKey.FormatPartition).
    private static int? PartitionOf(string partitionKey) =>
        partitionKey is ['p', _, _, _]
        && int.TryParse(partitionKey.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var partition)
        && partition < PersonKey.PartitionCount
            ? partition
            : null;
}
