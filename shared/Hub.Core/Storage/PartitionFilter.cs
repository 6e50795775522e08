using System.Text.RegularExpressions;

namespace Hub.Core.Storage;

/// <summary>
/// The partitions a table filter confines its rows to, read from how it begins: <c>PartitionKey eq 'a'</c> or
/// <c>PartitionKey ge 'a' and PartitionKey le|lt 'b'</c>, followed by nothing or by <c>and</c> and terms that hold no
/// <c>or</c> outside parentheses (an <c>or</c> at the top would let rows of other partitions through). Any other filter
/// confines nothing, and every table of a layout is read.
/// </summary>
internal static partial class PartitionFilter
{
    /// <summary>
    /// The tables of <paramref name="split"/> that can hold rows <paramref name="filter"/> matches, first to last.
    /// </summary>
    public static (int First, int Last) TablesFor(string? filter, TableSplit split)
    {
        var count = split.Count;
        if (count == 1 || filter is null || Bounds(filter) is not { } bounds)
        {
            return (0, count - 1);
        }

        if (bounds.First == bounds.Last)
        {
            // One partition is where writes put it, the table's own kind or not.
            var table = split.TableOf(bounds.First);
            return (table, table);
        }

        // A range is confined only between two of the table's own partitions of a split in key order: other keys lie in
        // the first table, out of key order, and a split by class spreads any range over every table.
        return split.IsKeyOrdered && split.IsOwnPartition(bounds.First) && split.IsOwnPartition(bounds.Last) && string.CompareOrdinal(bounds.First, bounds.Last) < 0
            ? (split.TableOf(bounds.First), split.TableOf(bounds.Last))
            : (0, count - 1);
    }

    /// <summary>The first and last partition key <paramref name="filter"/> lets through; null when it does not say.</summary>
    internal static (string First, string Last)? Bounds(string filter)
    {
        var match = Leading().Match(filter);
        if (!match.Success || !HasNoTopLevelOr(filter.AsSpan(match.Length)))
        {
            return null;
        }

        var first = Unquote(match.Groups["first"].Value);
        return (first, match.Groups["last"].Success ? Unquote(match.Groups["last"].Value) : first);
    }

    private static string Unquote(string literal) => literal.Replace("''", "'", StringComparison.Ordinal);

    // Scans the rest of the filter for " or " outside quoted literals and parentheses.
    private static bool HasNoTopLevelOr(ReadOnlySpan<char> rest)
    {
        var depth = 0;
        var quoted = false;
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '(')
            {
                depth++;
            }
            else if (!quoted && c == ')')
            {
                depth--;
            }
            else if (!quoted && depth == 0 && rest[i..].StartsWith(" or ", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"^PartitionKey (?:eq '(?<first>(?:[^']|'')*)'|ge '(?<first>(?:[^']|'')*)' and PartitionKey l[et] '(?<last>(?:[^']|'')*)')(?=$| and )", RegexOptions.CultureInvariant)]
    private static partial Regex Leading();
}
