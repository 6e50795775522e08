using System.Globalization;

namespace Hub.Core.Identity.Resolution;

/// <summary>
/// The queue's orders as ordinal text, one key per item and order: comparing (key, record key) ordinally is the order,
/// so a page's position is two strings that need no parsing and a token can carry them as they are.
/// </summary>
internal static class QueueOrder
{
    // After every score key (hex digits): an item without a score comes last.
    private const string NoScore = "~";

    public static string SortKey(QueueEntity entity, QueueSort sort) => sort == QueueSort.Score
        ? ScoreKey(PossibleMatches.ScoreOf(entity))
        : entity.QueuedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    public static QueuePosition Position(QueueEntity entity, QueueSort sort) => new(SortKey(entity, sort), entity.RowKey);

    /// <summary>Orders two items by their keys in one order, ties by record key.</summary>
    public static int Compare(QueuePosition x, QueuePosition y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var bySort = string.CompareOrdinal(x.SortKey, y.SortKey);
        return bySort != 0 ? bySort : string.CompareOrdinal(x.RecordKey, y.RecordKey);
    }

    // Highest first: the IEEE 754 bits mapped so that unsigned order is numeric order, then inverted, as 16 hex digits.
    private static string ScoreKey(double? score)
    {
        if (score is not { } value || double.IsNaN(value))
        {
            return NoScore;
        }

        var bits = (ulong)BitConverter.DoubleToInt64Bits(value + 0.0);
        var ascending = (bits & 0x8000_0000_0000_0000) != 0 ? ~bits : bits | 0x8000_0000_0000_0000;
        return (~ascending).ToString("X16", CultureInfo.InvariantCulture);
    }
}
