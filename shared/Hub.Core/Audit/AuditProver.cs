using Hub.Core.Storage;

namespace Hub.Core.Audit;

/// <summary>
/// Proves, from the stored events and the checkpoints, that an event is in a checkpoint's head of its day's tree
/// and that a later head of a day extends an earlier one (RFC 9162 §2.1.3 and §2.1.4). A proof is computed from the
/// events as they are stored now and is checked against the roots the WORM checkpoints state, so an event edited
/// since its checkpoint was written yields a proof that fails. Each proof reads one range of one day partition (the
/// day's events up to the checkpoint) and the checkpoint blobs it names; finding an event's day reads only blob names.
/// </summary>
public sealed class AuditProver(HubStorage storage)
{
    private readonly AuditChainReader _reader = new(storage);
    private readonly AuditCheckpointLocator _locator = new(storage);

    /// <summary>
    /// Proves event <paramref name="sequence"/> is in the tree head of <paramref name="checkpointName"/>, or, when
    /// none is named, of the first checkpoint with a tree head that covers it.
    /// </summary>
    public async Task<AuditProofResult<AuditInclusion>> ProveInclusionAsync(long sequence, string? checkpointName, CancellationToken cancellationToken)
    {
        var found = checkpointName is null
            ? await FindCoveringAsync(sequence, cancellationToken).ConfigureAwait(false)
            : await ReadNamedAsync(checkpointName, "checkpoint", cancellationToken).ConfigureAwait(false);
        if (found.Proof is not { } checkpoint)
        {
            return AuditProofResult<AuditInclusion>.Refused(found.Refusal!.Kind, found.Refusal.Parameter, found.Refusal.Detail);
        }

        if (sequence < checkpoint.TreeFirstSequence || sequence > checkpoint.LastSequence)
        {
            return AuditProofResult<AuditInclusion>.Refused(
                AuditProofRefusalKind.Invalid,
                "checkpoint",
                $"Checkpoint {checkpoint.BlobName} holds events {checkpoint.TreeFirstSequence} to {checkpoint.LastSequence} of its day; event {sequence} is not among them.");
        }

        var tree = await ReadTreeAsync(checkpoint, sequence, cancellationToken).ConfigureAwait(false);
        if (tree.Mismatch is not null)
        {
            return AuditProofResult<AuditInclusion>.Refused(AuditProofRefusalKind.Mismatch, checkpointName is null ? "sequence" : "checkpoint", tree.Mismatch);
        }

        var index = (int)(sequence - checkpoint.TreeFirstSequence!.Value);
        var proof = new AuditInclusionProof(
            sequence,
            checkpoint.Partition,
            index,
            checkpoint.TreeSize!.Value,
            Convert.ToHexStringLower(tree.Leaves[index]),
            AuditProofHex.Format(MerkleProofs.InclusionPath(tree.Leaves, index)),
            checkpoint.TreeRoot!,
            checkpoint.BlobName);
        return AuditProofResult<AuditInclusion>.Proven(new AuditInclusion(proof, tree.Wanted!));
    }

    /// <summary>Proves that checkpoint <paramref name="toName"/>'s tree head extends <paramref name="fromName"/>'s, both of one day.</summary>
    public async Task<AuditProofResult<AuditConsistencyProof>> ProveConsistencyAsync(string fromName, string toName, CancellationToken cancellationToken)
    {
        var from = await ReadNamedAsync(fromName, "from", cancellationToken).ConfigureAwait(false);
        var to = await ReadNamedAsync(toName, "to", cancellationToken).ConfigureAwait(false);
        if ((from.Refusal ?? to.Refusal) is { } refusal)
        {
            return AuditProofResult<AuditConsistencyProof>.Refused(refusal.Kind, refusal.Parameter, refusal.Detail);
        }

        var (first, second) = (from.Proof!, to.Proof!);
        if (first.Partition != second.Partition)
        {
            return AuditProofResult<AuditConsistencyProof>.Refused(
                AuditProofRefusalKind.Invalid,
                "to",
                $"'to' is a checkpoint of {second.Partition}, 'from' of {first.Partition}: each day has a tree of its own, and days are linked by the chain hash.");
        }

        if (first.TreeSize > second.TreeSize)
        {
            return AuditProofResult<AuditConsistencyProof>.Refused(AuditProofRefusalKind.Invalid, "from", $"'from' holds {first.TreeSize} events and 'to' {second.TreeSize}: name the earlier checkpoint as 'from'.");
        }

        var tree = await ReadTreeAsync(second, wanted: null, cancellationToken).ConfigureAwait(false);
        if (tree.Mismatch is not null || first.TreeFirstSequence != second.TreeFirstSequence)
        {
            return AuditProofResult<AuditConsistencyProof>.Refused(AuditProofRefusalKind.Mismatch, "to", tree.Mismatch ?? $"Checkpoints {first.BlobName} and {second.BlobName} disagree on the day's first event.");
        }

        return AuditProofResult<AuditConsistencyProof>.Proven(new AuditConsistencyProof(
            first.Partition,
            first.BlobName,
            second.BlobName,
            first.TreeSize!.Value,
            second.TreeSize!.Value,
            first.TreeRoot!,
            second.TreeRoot!,
            AuditProofHex.Format(MerkleProofs.ConsistencyPath(tree.Leaves, (int)first.TreeSize.Value))));
    }

    /// <summary>A named checkpoint that states a tree head.</summary>
    private async Task<AuditProofResult<AuditCheckpoint>> ReadNamedAsync(string name, string parameter, CancellationToken cancellationToken)
    {
        if (!AuditCheckpoint.TryParseName(name, out _, out _, out _))
        {
            return AuditProofResult<AuditCheckpoint>.Refused(AuditProofRefusalKind.Invalid, parameter, $"'{parameter}' is a checkpoint's blob name: d20250301/{{first}}-{{last}}.json, sequence numbers in 19 digits.");
        }

        var checkpoint = await _reader.ReadCheckpointAsync(name, cancellationToken).ConfigureAwait(false);
        if (checkpoint is null || checkpoint.BlobName != name)
        {
            return AuditProofResult<AuditCheckpoint>.Refused(AuditProofRefusalKind.NotFound, parameter, $"There is no checkpoint {name}.");
        }

        return checkpoint.TreeSize is > 0 && checkpoint.TreeRoot is not null
            ? AuditProofResult<AuditCheckpoint>.Proven(checkpoint)
            : AuditProofResult<AuditCheckpoint>.Refused(AuditProofRefusalKind.Invalid, parameter, $"Checkpoint {name} was written before checkpoints stated a tree head: it anchors its range, and proves nothing further.");
    }

    /// <summary>The first checkpoint of the event's day that states a tree head and covers the event.</summary>
    private async Task<AuditProofResult<AuditCheckpoint>> FindCoveringAsync(long sequence, CancellationToken cancellationToken)
    {
        if (await _locator.FindAsync(sequence, cancellationToken).ConfigureAwait(false) is not { } day)
        {
            return AuditProofResult<AuditCheckpoint>.Refused(
                AuditProofRefusalKind.NotFound,
                "sequence",
                $"No checkpoint covers event {sequence}: there is no such event, or it is newer than the last checkpoint (the WriteAuditCheckpoints timer writes them).");
        }

        foreach (var name in day.Names)
        {
            if (AuditCheckpoint.TryParseName(name, out _, out _, out var last) && last >= sequence
                && await _reader.ReadCheckpointAsync(name, cancellationToken).ConfigureAwait(false) is { TreeSize: > 0, TreeRoot: not null } checkpoint)
            {
                return AuditProofResult<AuditCheckpoint>.Proven(checkpoint);
            }
        }

        return AuditProofResult<AuditCheckpoint>.Refused(
            AuditProofRefusalKind.NotFound,
            "sequence",
            $"Event {sequence} of {day.Partition} is covered only by checkpoints written before checkpoints stated tree heads; they anchor it, and prove nothing further.");
    }

    /// <summary>
    /// The leaf hashes of the stored events of a checkpoint's tree head, read as they come (32 bytes an event held,
    /// not the event), with the event <paramref name="wanted"/> as stored; or why they are not the tree it states.
    /// </summary>
    private async Task<(List<byte[]> Leaves, AuditRecord? Wanted, string? Mismatch)> ReadTreeAsync(AuditCheckpoint checkpoint, long? wanted, CancellationToken cancellationToken)
    {
        var first = checkpoint.TreeFirstSequence!.Value;
        var leaves = new List<byte[]>((int)Math.Min(checkpoint.TreeSize!.Value, 1 << 20));
        AuditRecord? found = null;
        var shaped = true;
        await foreach (var entity in _reader.QueryEventsAsync(checkpoint.Partition, first - 1, checkpoint.LastSequence, cancellationToken).ConfigureAwait(false))
        {
            var record = entity.ToRecord();
            shaped &= record.Sequence == first + leaves.Count;
            found = record.Sequence == wanted ? record : found;
            leaves.Add(AuditCheckpoint.Leaf(record));
        }

        return shaped && leaves.Count == checkpoint.TreeSize
            ? (leaves, found, null)
            : (leaves, found, $"The stored events {first} to {checkpoint.LastSequence} of {checkpoint.Partition} are not the {checkpoint.TreeSize} events checkpoint {checkpoint.BlobName} holds: events were removed or inserted. POST /api/audit/verify names the first.");
    }
}
