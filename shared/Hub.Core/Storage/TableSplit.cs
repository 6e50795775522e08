using System.Globalization;
using Hub.Core.Kernel;

namespace Hub.Core.Storage;

/// <summary>
/// How one of the Hub's three large tables is split over one or more tables. <c>facts</c> (1,024 person partitions) and
/// <c>candidates</c> (16 partitions) are split in key order: table <c>i</c> of <c>n</c> holds the <c>i</c>-th
/// <c>n</c>-th of the partitions, so reading the tables in order reads the partitions in key order. <c>residents</c>
/// (a partition a street, whose codes a city shares the first digits of) is split by the partition's number modulo 16
/// (<see cref="IsKeyOrdered"/> false), so a query over several tables merges their rows in key order. The first table
/// keeps the table's name, the others add two digits (<c>facts01</c>…<c>facts15</c>). A row whose partition is not one
/// of the table's own kind stays in the first table.
/// </summary>
/// <remarks>
/// The local emulator keeps each table in one in-memory collection and pays for every replace, merge or delete in
/// proportion to the collection's size, so a store of hundreds of thousands of persons slows every write it takes;
/// sixteen tables make each a sixteenth as large. Azure's cost does not depend on a table's size, so there one table
/// stays (<see cref="HubStorageOptions.SplitTables"/>).
/// </remarks>
public sealed class TableSplit
{
    /// <summary>The tables each large table is split into on the emulator when <see cref="HubStorageOptions.SplitTables"/> is left to choose.</summary>
    public const int EmulatorTables = 16;

    /// <summary>The most tables a split may have.</summary>
    public const int MaxTables = 16;

    private const string FactsName = "facts";
    private const string CandidatesName = "candidates";
    private const string ResidentsName = "residents";
    private const int CandidatePartitions = 16;

    // The classes residents' partitions fall in: a partition's number modulo 16.
    private const int ResidentClasses = 16;

    private readonly int _partitions;
    private readonly Func<string, int?> _partitionOf;
    private readonly Func<int, string>? _keyOf;

    private TableSplit(string baseName, int count, int partitions, Func<string, int?> partitionOf, Func<int, string>? keyOf)
    {
        if (!IsValidCount(count))
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A table is split into 1, 2, 4, 8 or 16 tables.");
        }

        (BaseName, Count, _partitions, _partitionOf, _keyOf) = (baseName, count, partitions, partitionOf, keyOf);
    }

    /// <summary>The table's name (after the name prefix), which its first table keeps.</summary>
    public string BaseName { get; }

    /// <summary>How many tables the table is split into.</summary>
    public int Count { get; }

    /// <summary>
    /// Whether the tables hold the partitions in key order (table <c>i</c> the <c>i</c>-th range), so that reading them
    /// in turn reads rows in key order; else a table holds every partition of a class spread across the key range.
    /// </summary>
    public bool IsKeyOrdered => _keyOf is not null;

    /// <summary><c>facts</c>, by person partition (<see cref="PersonKey.FormatPartition"/>), over <paramref name="count"/> tables.</summary>
    public static TableSplit Facts(int count) =>
        new(FactsName, count, PersonKey.PartitionCount, PersonPartitionOf, PersonKey.FormatPartition);

    /// <summary><c>candidates</c>, by partition (<c>c</c> and a hex digit), over <paramref name="count"/> tables.</summary>
    public static TableSplit Candidates(int count) =>
        new(CandidatesName, count, CandidatePartitions, CandidatePartitionOf, p => p < CandidatePartitions ? string.Create(CultureInfo.InvariantCulture, $"c{p:x}") : "cg");

    /// <summary>
    /// <c>residents</c>, by partition class over <paramref name="count"/> tables: a street (nine digits) by its code, a
    /// provisional person's search partition (<c>p</c> and two hex digits) by its number, each modulo 16. A district's
    /// streets lie in every table, one after another, so each holds about the same share of every district.
    /// </summary>
    public static TableSplit Residents(int count) => new(ResidentsName, count, ResidentClasses, ResidentClassOf, keyOf: null);

    /// <summary>Whether <paramref name="count"/> is a split the Hub supports: 1, 2, 4, 8 or 16 tables.</summary>
    public static bool IsValidCount(int count) => count is >= 1 and <= MaxTables && (count & (count - 1)) == 0;

    /// <summary>
    /// The table name a request names with any split suffix taken off (<c>facts07</c> is <c>facts</c>), so that requests
    /// are counted by the table the Hub means, however it is split.
    /// </summary>
    public static string LogicalName(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        if (tableName.Length < 3 || !char.IsAsciiDigit(tableName[^1]) || !char.IsAsciiDigit(tableName[^2]))
        {
            return tableName;
        }

        var stem = tableName.AsSpan(0, tableName.Length - 2);
        return stem.EndsWith(FactsName, StringComparison.Ordinal) || stem.EndsWith(CandidatesName, StringComparison.Ordinal) || stem.EndsWith(ResidentsName, StringComparison.Ordinal)
            ? tableName[..^2]
            : tableName;
    }

    /// <summary>The name of table <paramref name="index"/>, after <paramref name="prefix"/>.</summary>
    public string TableName(string prefix, int index) =>
        index == 0 ? prefix + BaseName : string.Create(CultureInfo.InvariantCulture, $"{prefix}{BaseName}{index:d2}");

    /// <summary>The table that holds <paramref name="partitionKey"/>.</summary>
    public int TableOf(string partitionKey) =>
        Count == 1 || _partitionOf(partitionKey) is not { } partition ? 0 : partition * Count / _partitions;

    /// <summary>Whether <paramref name="partitionKey"/> is one of the table's own partitions, which the split spreads.</summary>
    public bool IsOwnPartition(string partitionKey) => _partitionOf(partitionKey) is not null;

    /// <summary>The first partition key table <paramref name="index"/> holds; for <see cref="Count"/>, the key past the last partition.</summary>
    /// <exception cref="InvalidOperationException">The split is not in key order (<see cref="IsKeyOrdered"/>).</exception>
    public string FirstPartitionOf(int index) =>
        _keyOf is { } keyOf ? keyOf(index * _partitions / Count) : throw new InvalidOperationException($"A split of '{BaseName}' is not in key order.");

    private static int? PersonPartitionOf(string partitionKey) =>
        partitionKey is ['p', _, _, _]
        && int.TryParse(partitionKey.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var partition)
        && partition < PersonKey.PartitionCount
            ? partition
            : null;

    private static int? ResidentClassOf(string partitionKey) => partitionKey switch
    {
        { Length: 9 } when int.TryParse(partitionKey, NumberStyles.None, CultureInfo.InvariantCulture, out var street) => street % ResidentClasses,
        ['p', var high, var low] when char.IsAsciiHexDigitLower(high) && char.IsAsciiHexDigitLower(low) => Convert.ToInt32(partitionKey[1..], 16) % ResidentClasses,
        _ => null,
    };

    private static int? CandidatePartitionOf(string partitionKey) =>
        partitionKey is ['c', var digit] && char.IsAsciiHexDigitLower(digit) ? Convert.ToInt32(digit.ToString(), 16) : null;
}
