using System.Security.Cryptography;

namespace Hub.Core.Audit;

/// <summary>
/// The Merkle tree hash of RFC 9162 §2.1.1: leaf = SHA-256(0x00 ‖ entry), node = SHA-256(0x01 ‖ left ‖ right), the
/// left subtree holding the largest power of two smaller than the number of leaves. The prefixes keep a leaf from
/// ever passing for a node (second-preimage resistance).
/// </summary>
internal static class MerkleTreeHash
{
    public static byte[] LeafHash(ReadOnlySpan<byte> entry)
    {
        var input = new byte[entry.Length + 1];
        entry.CopyTo(input.AsSpan(1));
        return SHA256.HashData(input);
    }

    /// <summary>The root over leaf hashes already computed; the hash of the empty string for no leaves.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes) =>
        leafHashes.Count == 0 ? SHA256.HashData([]) : Subtree(leafHashes, 0, leafHashes.Count);

    private static byte[] Subtree(IReadOnlyList<byte[]> leaves, int start, int count)
    {
        if (count == 1)
        {
            return leaves[start];
        }

        var split = 1;
        while (split * 2 < count)
        {
            split *= 2;
        }

        var left = Subtree(leaves, start, split);
        var right = Subtree(leaves, start + split, count - split);
        var input = new byte[65];
        input[0] = 1;
        left.CopyTo(input, 1);
        right.CopyTo(input, 33);
        return SHA256.HashData(input);
    }
}
