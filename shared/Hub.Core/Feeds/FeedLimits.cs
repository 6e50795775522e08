namespace Hub.Core.Feeds;

/// <summary>
/// How large the parts of a feed may be. Every value the Hub stores lands in a table entity (64 KiB per string
/// property, 1 MiB per entity, 1 KiB per key), so the limits sit well inside those: a record that passes them always
/// fits, and one that does not is rejected with its own reason before anything of it is written.
/// </summary>
public static class FeedLimits
{
    /// <summary>
    /// The longest row, in characters, as read from the file (every cell, mapped or not). A longer CSV row cannot be
    /// told from an unclosed quote and fails the batch; a longer JSON record or XLSX row is rejected on its own.
    /// </summary>
    public const int MaxRowCharacters = 1024 * 1024;

    /// <summary>The longest value of a mapped column once normalised, in characters; an address is a few dozen.</summary>
    public const int MaxValueLength = 2000;

    /// <summary>
    /// The longest record once normalised, in characters of its stored form (the attributes as JSON): about 32 KiB of
    /// the 64 KiB a string property holds.
    /// </summary>
    public const int MaxRecordLength = 16_000;

    /// <summary>The longest record key (the values of the mapping's record-key attributes, escaped), which is part of a row key.</summary>
    public const int MaxRecordKeyLength = 256;

    /// <summary>How many ignored columns a batch report names; the rest are counted in a last entry.</summary>
    public const int MaxIgnoredColumnsListed = 50;

    /// <summary>How much of a column name a report or reason quotes.</summary>
    public const int MaxColumnNameShown = 100;

    /// <summary>A column name as reports show it: cut to <see cref="MaxColumnNameShown"/> characters.</summary>
    public static string ColumnName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length <= MaxColumnNameShown ? name : string.Concat(name.AsSpan(0, MaxColumnNameShown), "…");
    }
}
