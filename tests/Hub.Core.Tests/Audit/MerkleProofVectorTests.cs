using Hub.Core.Audit;

namespace Hub.Core.Tests.Audit;

/// <summary>The Hub's Merkle trees and proofs against a peer implementation's published vectors (see <see cref="Rfc6962Vectors"/>).</summary>
public sealed class MerkleProofVectorTests
{
    private static readonly List<byte[]> LeafHashes = Rfc6962Vectors.Leaves.Select(l => MerkleTreeHash.LeafHash(Convert.FromHexString(l))).ToList();

    public static TheoryData<int> InclusionCases => [.. Enumerable.Range(0, Rfc6962Vectors.Inclusion.Length)];

    public static TheoryData<int> ConsistencyCases => [.. Enumerable.Range(0, Rfc6962Vectors.Consistency.Length)];

    [Fact]
    public void Every_root_of_the_reference_tree_is_the_peers_root_whether_built_whole_or_leaf_by_leaf()
    {
        var frontier = new MerkleFrontier();
        for (var size = 1; size <= LeafHashes.Count; size++)
        {
            frontier.Append(LeafHashes[size - 1]);

            Assert.Equal(Rfc6962Vectors.Roots[size - 1], Hex(MerkleTreeHash.Root(LeafHashes.Take(size).ToList())));
            Assert.Equal(Rfc6962Vectors.Roots[size - 1], frontier.RootHex());
        }
    }

    [Fact]
    public void The_empty_tree_hashes_to_the_hash_of_nothing()
    {
        Assert.Equal(Rfc6962Vectors.EmptyTreeHash, Hex(MerkleTreeHash.Root([])));
        Assert.Equal(Rfc6962Vectors.EmptyTreeHash, new MerkleFrontier().RootHex());
    }

    [Theory]
    [MemberData(nameof(InclusionCases))]
    public void The_audit_path_the_hub_makes_is_the_peers(int n)
    {
        var (index, size, expected) = Rfc6962Vectors.Inclusion[n];

        var path = MerkleProofs.InclusionPath(LeafHashes.Take(size).ToList(), index);

        Assert.Equal(expected, path.Select(Hex));
    }

    [Theory]
    [MemberData(nameof(InclusionCases))]
    public void The_peers_audit_path_verifies_and_every_corruption_of_it_fails(int n)
    {
        var (index, size, hexPath) = Rfc6962Vectors.Inclusion[n];
        var path = Bytes(hexPath);
        var root = Bytes(Rfc6962Vectors.Roots[size - 1]);
        var leaf = LeafHashes[index];

        Assert.True(MerkleProofs.VerifyInclusion(index, size, leaf, path, root));
        var wrong = InclusionCorruptions(index, size, leaf, path, root).Where(p => MerkleProofs.VerifyInclusion(p.Index, p.Size, p.Leaf, p.Path, p.Root)).Select(p => p.Name);
        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(ConsistencyCases))]
    public void The_consistency_proof_the_hub_makes_is_the_peers(int n)
    {
        var (first, second, expected) = Rfc6962Vectors.Consistency[n];

        var proof = MerkleProofs.ConsistencyPath(LeafHashes.Take(second).ToList(), first);

        Assert.Equal(expected, proof.Select(Hex));
    }

    [Theory]
    [MemberData(nameof(ConsistencyCases))]
    public void The_peers_consistency_proof_verifies_and_every_corruption_of_it_fails(int n)
    {
        var (first, second, hexProof) = Rfc6962Vectors.Consistency[n];
        var proof = Bytes(hexProof);
        var (root1, root2) = (Bytes(Rfc6962Vectors.Roots[first - 1]), Bytes(Rfc6962Vectors.Roots[second - 1]));

        Assert.True(MerkleProofs.VerifyConsistency(first, second, root1, root2, proof));
        if (proof.Count > 0)
        {
            var wrong = ConsistencyCorruptions(first, second, root1, root2, proof).Where(p => MerkleProofs.VerifyConsistency(p.First, p.Second, p.Root1, p.Root2, p.Proof)).Select(p => p.Name);
            Assert.Empty(wrong);
        }
    }

    [Fact]
    public void Consistency_of_sizes_that_prove_nothing_is_refused_and_a_tree_is_consistent_only_with_itself()
    {
        var (a, b, empty) = (Bytes(Rfc6962Vectors.Roots[0]), Bytes(Rfc6962Vectors.Roots[1]), Bytes(Rfc6962Vectors.EmptyTreeHash));

        Assert.True(MerkleProofs.VerifyConsistency(1, 1, a, a, []));
        Assert.False(MerkleProofs.VerifyConsistency(1, 1, a, b, []));
        Assert.False(MerkleProofs.VerifyConsistency(1, 1, a, a, [empty]));
        Assert.False(MerkleProofs.VerifyConsistency(0, 0, empty, empty, []));
        Assert.False(MerkleProofs.VerifyConsistency(0, 1, empty, a, []));
        Assert.False(MerkleProofs.VerifyConsistency(1, 0, a, empty, []));
        Assert.False(MerkleProofs.VerifyConsistency(2, 1, b, a, []));
        Assert.False(MerkleProofs.VerifyConsistency(1, 2, a, b, []));
    }

    [Fact]
    public void Inclusion_in_no_tree_or_beyond_it_is_refused()
    {
        var (some, empty) = (Bytes(Rfc6962Vectors.SomeHash), Bytes(Rfc6962Vectors.EmptyTreeHash));

        foreach (var (index, size) in new[] { (0L, 0L), (0L, 1L), (1L, 0L), (2L, 1L) })
        {
            Assert.False(MerkleProofs.VerifyInclusion(index, size, some, [], empty));
            Assert.False(MerkleProofs.VerifyInclusion(index, size, [], [], empty));
        }

        // A one-leaf tree's root is its leaf, and its path is empty.
        Assert.True(MerkleProofs.VerifyInclusion(0, 1, some, [], some));
        Assert.False(MerkleProofs.VerifyInclusion(0, 1, some, [], []));
    }

    /// <summary>The corruptions the peer's own tests try: each must fail.</summary>
    private static IEnumerable<(string Name, long Index, long Size, byte[] Leaf, List<byte[]> Path, byte[] Root)> InclusionCorruptions(long index, long size, byte[] leaf, List<byte[]> path, byte[] root)
    {
        var some = Bytes(Rfc6962Vectors.SomeHash);
        yield return ("index - 1", index - 1, size, leaf, path, root);
        yield return ("index + 1", index + 1, size, leaf, path, root);
        yield return ("index ^ 2", index ^ 2, size, leaf, path, root);
        yield return ("size * 2", index, size * 2, leaf, path, root);
        yield return ("size / 2", index, size / 2, leaf, path, root);
        yield return ("wrong leaf", index, size, some, path, root);
        yield return ("short leaf", index, size, "WrongLeaf"u8.ToArray(), path, root);
        yield return ("empty tree root", index, size, leaf, path, Bytes(Rfc6962Vectors.EmptyTreeHash));
        yield return ("some root", index, size, leaf, path, some);
        yield return ("trailing garbage", index, size, leaf, [.. path, []], root);
        yield return ("trailing root", index, size, leaf, [.. path, root], root);
        yield return ("preceding garbage", index, size, leaf, [[], .. path], root);
        yield return ("preceding root", index, size, leaf, [root, .. path], root);
        for (var i = 0; i < path.Count; i++)
        {
            yield return ($"path[{i}] bit 3 flipped", index, size, leaf, Flipped(path, i, 0, 8), root);
        }

        if (path.Count > 0)
        {
            yield return ("last removed", index, size, leaf, path[..^1], root);
        }

        if (path.Count > 1)
        {
            yield return ("inserted", index, size, leaf, [path[0], some, .. path[1..]], root);
        }
    }

    private static IEnumerable<(string Name, long First, long Second, byte[] Root1, byte[] Root2, List<byte[]> Proof)> ConsistencyCorruptions(long first, long second, byte[] root1, byte[] root2, List<byte[]> proof)
    {
        var some = Bytes(Rfc6962Vectors.SomeHash);
        yield return ("first - 1", first - 1, second, root1, root2, proof);
        yield return ("first + 1", first + 1, second, root1, root2, proof);
        yield return ("first ^ 2", first ^ 2, second, root1, root2, proof);
        yield return ("second * 2", first, second * 2, root1, root2, proof);
        yield return ("second / 2", first, second / 2, root1, root2, proof);
        yield return ("wrong root1", first, second, some, root2, proof);
        yield return ("wrong root2", first, second, root1, some, proof);
        yield return ("short root1", first, second, "WrongRoot"u8.ToArray(), root2, proof);
        yield return ("swapped roots", first, second, root2, root1, proof);
        yield return ("empty proof", first, second, root1, root2, []);
        yield return ("trailing garbage", first, second, root1, root2, [.. proof, []]);
        yield return ("trailing root1", first, second, root1, root2, [.. proof, root1]);
        yield return ("trailing root2", first, second, root1, root2, [.. proof, root2]);
        yield return ("preceding garbage", first, second, root1, root2, [[], .. proof]);
        yield return ("preceding root1", first, second, root1, root2, [root1, .. proof]);
        yield return ("preceding root2", first, second, root1, root2, [root2, .. proof]);
        yield return ("preceding proof[0]", first, second, root1, root2, [proof[0], .. proof]);
        yield return ("truncated", first, second, root1, root2, proof[..^1]);
        for (var i = 0; i < proof.Count; i++)
        {
            yield return ($"proof[{i}] bit 4 flipped", first, second, root1, root2, Flipped(proof, i, 0, 16));
        }
    }

    private static List<byte[]> Flipped(List<byte[]> hashes, int which, int at, byte mask)
    {
        var copy = hashes.Select(h => h.ToArray()).ToList();
        copy[which][at] ^= mask;
        return copy;
    }

    private static byte[] Bytes(string hex) => Convert.FromHexString(hex);

    private static List<byte[]> Bytes(string[] hex) => hex.Select(Convert.FromHexString).ToList();

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
