using System.Security.Cryptography;

namespace Hub.Core.Audit;

/// <summary>
/// The Merkle tree hash of RFC 9162 §2.1.1: leaf = SHA-256(0x00 ‖ entry), node = SHA-256(0x01 ‖ left ‖ right), the
/// left subtree holding the largest power of two smaller than the number of leaves. The prefixes keep a leaf from
/// ever passing for a node (second-preimage resistance).
/// </summary>
internal static class MerkleTreeHash
{
    public const int HashSize = 32;

    /// <summary>The root of the empty tree: the hash of the empty string.</summary>
    public static byte[] EmptyRoot => SHA256.HashData([]);

    public static byte[] LeafHash(ReadOnlySpan<byte> entry)
    {
        var input = new byte[entry.Length + 1];
        entry.CopyTo(input.AsSpan(1));
        return SHA256.HashData(input);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[1 + (2 * HashSize)];
        input[0] = 1;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + HashSize)..]);
        return SHA256.HashData(input);
    }

    /// <summary>The root over leaf hashes already computed; the hash of the empty string for no leaves.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes) =>
        leafHashes.Count == 0 ? EmptyRoot : Root(leafHashes, 0, leafHashes.Count);

    /// <summary>MTH(D[start:start+count]) for <paramref name="count"/> of at least 1.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes, int start, int count)
    {
        if (count == 1)
        {
            return leafHashes[start];
        }

        var split = Split(count);
        return NodeHash(Root(leafHashes, start, split), Root(leafHashes, start + split, count - split));
    }

    /// <summary>k of RFC 9162: the largest power of two smaller than <paramref name="count"/> (at least 2).</summary>
    public static int Split(int count)
    {
        var split = 1;
        while (split * 2 < count)
        {
            split *= 2;
        }

        return split;
    }
}
