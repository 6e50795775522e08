using Hub.Core.Audit;

namespace Hub.Core.Tests.Audit;

/// <summary>Properties of the proofs over many trees: every proof the Hub makes verifies, and no altered one does.</summary>
public sealed class MerkleProofPropertyTests
{
    private const int Exhaustive = 48;

    [Fact]
    public void Every_audit_path_of_every_small_tree_verifies()
    {
        var leaves = Leaves(new Random(1), Exhaustive);
        for (var size = 1; size <= Exhaustive; size++)
        {
            var tree = leaves.Take(size).ToList();
            var root = MerkleTreeHash.Root(tree);
            for (var index = 0; index < size; index++)
            {
                var path = MerkleProofs.InclusionPath(tree, index);

                Assert.True(MerkleProofs.VerifyInclusion(index, size, tree[index], path, root), $"leaf {index} of {size}");
                Assert.True(path.Count <= Height(size), $"leaf {index} of {size}: {path.Count} hashes");
            }
        }
    }

    [Fact]
    public void Every_consistency_proof_between_small_trees_verifies()
    {
        var leaves = Leaves(new Random(2), Exhaustive);
        var roots = Enumerable.Range(1, Exhaustive).Select(n => MerkleTreeHash.Root(leaves.Take(n).ToList())).ToList();
        for (var second = 1; second <= Exhaustive; second++)
        {
            var tree = leaves.Take(second).ToList();
            for (var first = 1; first <= second; first++)
            {
                var proof = MerkleProofs.ConsistencyPath(tree, first);

                Assert.True(MerkleProofs.VerifyConsistency(first, second, roots[first - 1], roots[second - 1], proof), $"{first} to {second}");
                Assert.True(proof.Count <= Height(second) + 1, $"{first} to {second}: {proof.Count} hashes");
            }
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Audit_paths_of_random_trees_verify_and_fail_once_any_byte_is_flipped(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 12; round++)
        {
            var size = random.Next(1, 3000);
            var tree = Leaves(random, size);
            var root = MerkleTreeHash.Root(tree);
            var index = random.Next(size);
            var path = MerkleProofs.InclusionPath(tree, index);

            Assert.True(MerkleProofs.VerifyInclusion(index, size, tree[index], path, root));
            Assert.False(MerkleProofs.VerifyInclusion(index, size, Flip(random, tree[index]), path, root));
            Assert.False(MerkleProofs.VerifyInclusion(index, size, tree[index], path, Flip(random, root)));
            if (path.Count > 0)
            {
                var which = random.Next(path.Count);
                Assert.False(MerkleProofs.VerifyInclusion(index, size, tree[index], [.. path[..which], Flip(random, path[which]), .. path[(which + 1)..]], root));
            }

            if (size > 1)
            {
                Assert.False(MerkleProofs.VerifyInclusion((index + 1) % size, size, tree[index], path, root));
            }
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void Consistency_proofs_of_random_trees_verify_and_fail_once_any_byte_is_flipped(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 12; round++)
        {
            var second = random.Next(2, 3000);
            var first = random.Next(1, second);
            var tree = Leaves(random, second);
            var (root1, root2) = (MerkleTreeHash.Root(tree.Take(first).ToList()), MerkleTreeHash.Root(tree));
            var proof = MerkleProofs.ConsistencyPath(tree, first);
            var which = random.Next(proof.Count);

            Assert.True(MerkleProofs.VerifyConsistency(first, second, root1, root2, proof));
            Assert.False(MerkleProofs.VerifyConsistency(first, second, Flip(random, root1), root2, proof));
            Assert.False(MerkleProofs.VerifyConsistency(first, second, root1, Flip(random, root2), proof));
            Assert.False(MerkleProofs.VerifyConsistency(first, second, root1, root2, [.. proof[..which], Flip(random, proof[which]), .. proof[(which + 1)..]]));
        }
    }

    [Fact]
    public void A_tree_changed_in_any_one_leaf_is_not_consistent_with_the_tree_it_was()
    {
        var random = new Random(31);
        var tree = Leaves(random, 37);
        var root1 = MerkleTreeHash.Root(tree.Take(20).ToList());
        for (var changed = 0; changed < 20; changed++)
        {
            var rewritten = tree.ToList();
            rewritten[changed] = Flip(random, rewritten[changed]);

            var proof = MerkleProofs.ConsistencyPath(rewritten, 20);

            Assert.False(MerkleProofs.VerifyConsistency(20, 37, root1, MerkleTreeHash.Root(rewritten), proof), $"leaf {changed} changed");
        }
    }

    [Fact]
    public void A_frontier_states_the_root_of_its_tree_at_every_size_and_restores_from_its_hex()
    {
        var leaves = Leaves(new Random(41), 300);
        var frontier = new MerkleFrontier();
        foreach (var leaf in leaves)
        {
            frontier.Append(leaf);
            var restored = MerkleFrontier.Restore(frontier.Size, frontier.NodesHex());

            Assert.Equal(Convert.ToHexStringLower(MerkleTreeHash.Root(leaves.Take((int)frontier.Size).ToList())), frontier.RootHex());
            Assert.Equal(frontier.RootHex(), restored?.RootHex());
        }

        Assert.Null(MerkleFrontier.Restore(300, frontier.NodesHex().Skip(1).ToList()));
        Assert.Null(MerkleFrontier.Restore(300, [.. frontier.NodesHex().Skip(1), "not hex"]));
    }

    [Fact]
    public void A_restored_frontier_grows_into_the_same_tree_as_one_that_never_stopped()
    {
        var leaves = Leaves(new Random(51), 100);
        var whole = new MerkleFrontier();
        leaves.ForEach(whole.Append);
        var first = new MerkleFrontier();
        leaves.Take(37).ToList().ForEach(first.Append);

        var resumed = MerkleFrontier.Restore(first.Size, first.NodesHex())!;
        leaves.Skip(37).ToList().ForEach(resumed.Append);

        Assert.Equal(whole.RootHex(), resumed.RootHex());
    }

    private static int Height(int size) => size <= 1 ? 0 : (int)Math.Ceiling(Math.Log2(size));

    private static List<byte[]> Leaves(Random random, int count) => Enumerable.Range(0, count).Select(_ =>
    {
        var entry = new byte[random.Next(0, 64)];
        random.NextBytes(entry);
        return MerkleTreeHash.LeafHash(entry);
    }).ToList();

    private static byte[] Flip(Random random, byte[] hash)
    {
        var copy = hash.ToArray();
        copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }
}
