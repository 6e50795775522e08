using System.Numerics;

namespace Hub.Core.Audit;

/// <summary>
/// A Merkle tree (RFC 9162) grown one leaf at a time, kept as its frontier: the roots of the perfect subtrees the
/// tree of <see cref="Size"/> leaves splits into, largest (leftmost) first, one per set bit of the size. That is all
/// a tree needs to take more leaves and to state its root, so a checkpoint that stores it lets the next checkpoint of
/// the day extend the day's tree without reading the events already in it.
/// </summary>
internal sealed class MerkleFrontier
{
    private readonly List<byte[]> _nodes = [];

    /// <summary>The number of leaves.</summary>
    public long Size { get; private set; }

    /// <summary>The perfect subtrees' roots, largest first.</summary>
    public IReadOnlyList<byte[]> Nodes => _nodes;

    /// <summary>The frontier a checkpoint stated, or null when it does not describe a tree of <paramref name="size"/> leaves.</summary>
    public static MerkleFrontier? Restore(long size, IReadOnlyList<string> nodes)
    {
        if (size < 0 || nodes.Count != BitOperations.PopCount((ulong)size))
        {
            return null;
        }

        var frontier = new MerkleFrontier { Size = size };
        foreach (var node in nodes)
        {
            if (node is not { Length: 2 * MerkleTreeHash.HashSize } || !node.All(char.IsAsciiHexDigitLower))
            {
                return null;
            }

            frontier._nodes.Add(Convert.FromHexString(node));
        }

        return frontier;
    }

    public void Append(byte[] leafHash)
    {
        _nodes.Add(leafHash);

        // Each trailing one bit of the old size is a subtree as high as the one just completed: they merge.
        for (var size = Size; (size & 1) == 1; size >>= 1)
        {
            var merged = MerkleTreeHash.NodeHash(_nodes[^2], _nodes[^1]);
            _nodes.RemoveRange(_nodes.Count - 2, 2);
            _nodes.Add(merged);
        }

        Size++;
    }

    /// <summary>MTH of the leaves so far: the subtrees folded from the right, as the RFC's left-heavy split builds it.</summary>
    public byte[] Root()
    {
        if (_nodes.Count == 0)
        {
            return MerkleTreeHash.EmptyRoot;
        }

        var root = _nodes[^1];
        for (var i = _nodes.Count - 2; i >= 0; i--)
        {
            root = MerkleTreeHash.NodeHash(_nodes[i], root);
        }

        return root;
    }

    public string RootHex() => Convert.ToHexStringLower(Root());

    public IReadOnlyList<string> NodesHex() => _nodes.Select(Convert.ToHexStringLower).ToList();
}
