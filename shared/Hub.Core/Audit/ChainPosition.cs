namespace Hub.Core.Audit;

/// <summary>Where a walk of the chain stands: the sequence number it expects next and the hash it must chain from.</summary>
internal sealed record ChainPosition(long NextSequence, string Hash);
