namespace Hub.Core.Audit;

/// <summary>
/// Merkle audit paths and consistency proofs over the tree hash of RFC 9162 (SHA-256), made and verified exactly as
/// §2.1.3 and §2.1.4 describe them, so any RFC 9162 or RFC 6962 verifier accepts what the Hub proves and the Hub's
/// verifier accepts what a peer implementation proves. Leaves are numbered from 0; every hash is 32 bytes.
/// </summary>
public static class MerkleProofs
{
    /// <summary>
    /// Verifies an inclusion proof (RFC 9162 §2.1.3.2): that <paramref name="leafHash"/> is leaf
    /// <paramref name="leafIndex"/> of the tree of <paramref name="treeSize"/> leaves whose root is
    /// <paramref name="rootHash"/>.
    /// </summary>
    /// <param name="leafIndex">The leaf's index, from 0.</param>
    /// <param name="treeSize">The number of leaves in the tree.</param>
    /// <param name="leafHash">The leaf's hash, SHA-256(0x00 ‖ entry).</param>
    /// <param name="auditPath">The audit path, from the leaf's sibling up.</param>
    /// <param name="rootHash">The tree's root hash.</param>
    /// <returns>Whether the proof holds; false for any malformed input, never an exception.</returns>
    public static bool VerifyInclusion(long leafIndex, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> auditPath, ReadOnlySpan<byte> rootHash)
    {
        ArgumentNullException.ThrowIfNull(auditPath);
        if (leafIndex < 0 || leafIndex >= treeSize || !AreHashes(leafHash, rootHash, auditPath))
        {
            return false;
        }

        var (fn, sn) = (leafIndex, treeSize - 1);
        var r = leafHash.ToArray();
        foreach (var p in auditPath)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleTreeHash.NodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    (fn, sn) = (fn >> 1, sn >> 1);
                }
            }
            else
            {
                r = MerkleTreeHash.NodeHash(r, p);
            }

            (fn, sn) = (fn >> 1, sn >> 1);
        }

        return sn == 0 && r.AsSpan().SequenceEqual(rootHash);
    }

    /// <summary>
    /// Verifies a consistency proof (RFC 9162 §2.1.4.2): that the tree of <paramref name="secondSize"/> leaves with
    /// root <paramref name="secondHash"/> holds the tree of <paramref name="firstSize"/> leaves with root
    /// <paramref name="firstHash"/> as its first leaves, unchanged.
    /// </summary>
    /// <remarks>
    /// The RFC's algorithm is for 0 &lt; first &lt; second. A tree is consistent with itself: for equal sizes the proof
    /// is empty (§2.1.4.1, SUBPROOF(m, D[m], true)) and the roots must be equal. An empty first tree proves nothing
    /// here and is refused.
    /// </remarks>
    /// <returns>Whether the proof holds; false for any malformed input, never an exception.</returns>
    public static bool VerifyConsistency(long firstSize, long secondSize, ReadOnlySpan<byte> firstHash, ReadOnlySpan<byte> secondHash, IReadOnlyList<byte[]> consistencyPath)
    {
        ArgumentNullException.ThrowIfNull(consistencyPath);
        if (firstSize < 1 || firstSize > secondSize || !AreHashes(firstHash, secondHash, consistencyPath))
        {
            return false;
        }

        if (firstSize == secondSize)
        {
            return consistencyPath.Count == 0 && firstHash.SequenceEqual(secondHash);
        }

        // Steps 1 and 2: a first tree of 2^k leaves is a node of the second, so its root starts the path.
        if (consistencyPath.Count == 0)
        {
            return false;
        }

        var path = (firstSize & (firstSize - 1)) == 0 ? [firstHash.ToArray(), .. consistencyPath] : consistencyPath.ToList();

        // Steps 3 to 5.
        var (fn, sn) = (firstSize - 1, secondSize - 1);
        while ((fn & 1) == 1)
        {
            (fn, sn) = (fn >> 1, sn >> 1);
        }

        var (fr, sr) = (path[0], path[0]);

        // Step 6.
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleTreeHash.NodeHash(c, fr);
                sr = MerkleTreeHash.NodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    (fn, sn) = (fn >> 1, sn >> 1);
                }
            }
            else
            {
                sr = MerkleTreeHash.NodeHash(sr, c);
            }

            (fn, sn) = (fn >> 1, sn >> 1);
        }

        // Step 7.
        return sn == 0 && fr.AsSpan().SequenceEqual(firstHash) && sr.AsSpan().SequenceEqual(secondHash);
    }

    /// <summary>PATH(m, D[n]) of RFC 9162 §2.1.3.1: the audit path of leaf <paramref name="leafIndex"/> in the tree of these leaves.</summary>
    internal static List<byte[]> InclusionPath(IReadOnlyList<byte[]> leafHashes, int leafIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leafIndex, leafHashes.Count);
        var path = new List<byte[]>();
        Path(leafHashes, leafIndex, 0, leafHashes.Count, path);
        return path;
    }

    /// <summary>PROOF(m, D[n]) of RFC 9162 §2.1.4.1: the consistency proof from the first <paramref name="firstSize"/> of these leaves to all of them.</summary>
    internal static List<byte[]> ConsistencyPath(IReadOnlyList<byte[]> leafHashes, int firstSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstSize, leafHashes.Count);
        var proof = new List<byte[]>();
        SubProof(leafHashes, firstSize, 0, leafHashes.Count, complete: true, proof);
        return proof;
    }

    // The recursions below follow the RFC's definitions over D[start:start+n]; each level hashes the sibling
    // subtree once, so a proof costs one pass over the leaves.
    private static void Path(IReadOnlyList<byte[]> leaves, int m, int start, int n, List<byte[]> path)
    {
        if (n == 1)
        {
            return;
        }

        var k = MerkleTreeHash.Split(n);
        if (m < k)
        {
            Path(leaves, m, start, k, path);
            path.Add(MerkleTreeHash.Root(leaves, start + k, n - k));
        }
        else
        {
            Path(leaves, m - k, start + k, n - k, path);
            path.Add(MerkleTreeHash.Root(leaves, start, k));
        }
    }

    private static void SubProof(IReadOnlyList<byte[]> leaves, int m, int start, int n, bool complete, List<byte[]> proof)
    {
        if (m == n)
        {
            if (!complete)
            {
                proof.Add(MerkleTreeHash.Root(leaves, start, n));
            }

            return;
        }

        var k = MerkleTreeHash.Split(n);
        if (m <= k)
        {
            SubProof(leaves, m, start, k, complete, proof);
            proof.Add(MerkleTreeHash.Root(leaves, start + k, n - k));
        }
        else
        {
            SubProof(leaves, m - k, start + k, n - k, complete: false, proof);
            proof.Add(MerkleTreeHash.Root(leaves, start, k));
        }
    }

    private static bool AreHashes(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, IReadOnlyList<byte[]> path) =>
        first.Length == MerkleTreeHash.HashSize && second.Length == MerkleTreeHash.HashSize && path.All(p => p is { Length: MerkleTreeHash.HashSize });
}
