using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hub.Core.Access.Residents;

/// <summary>
/// Where candidate search finds a person: the candidate index (its own table), a row or a few rows per hashed blocking
/// key, with one column per person filed under the key holding that person's match records. A lookup reads a key's rows
/// by their keys, never a search; a write adds or changes a person's column with a blind merge, batched by partition,
/// so filing a person reads nothing.
/// </summary>
/// <remarks>
/// A key is stored and looked up as its token: the keyed hash, and for a kind spread over several rows a <c>~</c> and
/// the number of rows (<see cref="RowsPerKind"/>), so whoever holds only a token (a change set, the reconciliation)
/// knows the rows it has. The partition is <c>c</c> and the first hex digit of the hash (16 partitions, so a batch's
/// merges fill whole transactions), and every row of a token shares it. The row key is the token itself for a key of
/// one row, else the token, a <c>.</c> and the row's number in two digits (<c>{hash}~16.07</c>), the row a person goes
/// to chosen by their person key (<see cref="Row"/>); a column is <c>p{personKey}</c>. Inside the resident index's
/// change sets a person's entry travels as a row keyed <c>{token}|{personKey}</c> in that partition, so it is derived,
/// compared and replaced like the person's other rows.
/// </remarks>
internal static class CandidateSearch
{
    /// <summary>The prefix of a person's column in a key's row.</summary>
    public const string ColumnPrefix = "p";

    // Neither occurs in a hex hash: a token's rows, and they alone, start with the token and a '.', in number order.
    private const char RowsMark = '~';
    private const char RowMark = '.';

    /// <summary>
    /// The rows a key of each kind (<see cref="Hub.Core.Identity.Matching.BlockingKeys.For"/>) is spread over; a kind not named
    /// has one. Azure takes 252 columns a row besides its keys and time, and a merge that would add the 253rd fails its
    /// whole transaction, and every later one that touches the row. The index holds up to 3,000,000 persons (the
    /// capacity model's city). A birth date: living persons' dates span some 36,500 days, most of them the 22,000 of
    /// working and old age, so 80 to 140 persons a date; cohort peaks and the dates heaped on 1 January (records that
    /// knew only the year) reach several hundred. 16 rows hold 4,032: a date of 600 persons puts about 38 in a row (the
    /// fullest, by chance, some 56), and a row stays under 252 until a date has about 3,000. The name's sound with a
    /// county: about 200 persons for a common sound in a large county, homophones included; 4 rows, about 50 a row, hold
    /// 800 before any row nears 252. A phone: most are one household's, but a clerk who has none for a resident may
    /// give the community's or the street office's, shared by a few hundred; 16 rows hold 4,032. The other kinds name a
    /// community, a dwelling or an ID's tail, which few share.
    /// </summary>
    private static readonly (string Kind, int Rows)[] RowsPerKind =
        [("b|", CandidateKeyRows.BirthDate), ("pc|", CandidateKeyRows.NameSoundInCounty), ("t|", CandidateKeyRows.Phone)];

    /// <summary>The token <paramref name="blockingKey"/>, whose keyed hash is <paramref name="hash"/>, is stored and looked up as.</summary>
    public static string Token(string blockingKey, string hash)
    {
        foreach (var (kind, rows) in RowsPerKind)
        {
            if (blockingKey.StartsWith(kind, StringComparison.Ordinal))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{hash}{RowsMark}{rows}");
            }
        }

        return hash;
    }

    /// <summary>The partition of the rows of <paramref name="token"/>.</summary>
    public static string Partition(string token) => "c" + token[0];

    /// <summary>The keys of every row <paramref name="token"/> may have, in key order.</summary>
    public static IReadOnlyList<string> Rows(string token) =>
        RowCount(token) is var count and > 1 ? [.. Enumerable.Range(0, count).Select(n => RowKey(token, n))] : [token];

    /// <summary>The key of the row of <paramref name="token"/> that <paramref name="personKey"/>'s column is in.</summary>
    /// <remarks>
    /// Chosen by a hash of the person key that every process computes alike (a string's own hash code differs from one
    /// process to the next), so each writer finds the row again, and a key's persons fill its rows evenly.
    /// </remarks>
    public static string Row(string token, string personKey)
    {
        var count = RowCount(token);
        if (count == 1)
        {
            return token;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(personKey));
        return RowKey(token, (int)(BinaryPrimitives.ReadUInt32BigEndian(hash) % (uint)count));
    }

    /// <summary>The token a row of the index belongs to.</summary>
    public static string TokenOf(string rowKey)
    {
        var mark = rowKey.IndexOf(RowMark, StringComparison.Ordinal);
        return mark < 0 ? rowKey : rowKey[..mark];
    }

    /// <summary>The key of <paramref name="personKey"/>'s entry under <paramref name="token"/> in a change set.</summary>
    public static string EntryKey(string token, string personKey) => $"{token}|{personKey}";

    /// <summary>Whether <paramref name="partitionKey"/> holds candidate entries rather than a street's rows.</summary>
    public static bool Is(string partitionKey) => partitionKey.StartsWith('c');

    /// <summary>The token an entry is filed under.</summary>
    public static string TokenOfEntry(string entryKey) => entryKey[..entryKey.IndexOf('|', StringComparison.Ordinal)];

    /// <summary>The person an entry is of.</summary>
    public static string PersonOfEntry(string entryKey) => entryKey[(entryKey.IndexOf('|', StringComparison.Ordinal) + 1)..];

    /// <summary>The column of <paramref name="personKey"/> in a key's row.</summary>
    public static string Column(string personKey) => ColumnPrefix + personKey;

    /// <summary>The person a column stands for.</summary>
    public static string PersonOf(string column) => column[ColumnPrefix.Length..];

    private static int RowCount(string token)
    {
        var mark = token.IndexOf(RowsMark, StringComparison.Ordinal);
        return mark < 0 ? 1 : int.Parse(token.AsSpan(mark + 1), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static string RowKey(string token, int row) => string.Create(CultureInfo.InvariantCulture, $"{token}{RowMark}{row:D2}");
}
