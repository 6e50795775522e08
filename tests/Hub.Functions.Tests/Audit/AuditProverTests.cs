using Azure.Data.Tables;
using Hub.Core.Audit;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Functions.Tests.Audit;

/// <summary>
/// Proofs against the checkpoints of a chain over three days, four checkpoints a day: every event proves included in
/// every head that holds it, every head of a day proves consistent with every later one, and tampering breaks them.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class AuditProverTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int EventsPerDay = 10;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly List<AuditCheckpoint> _checkpoints = [];
    private AuditTestStorage _audit = null!;

    private AuditProver Prover => new(_audit.Storage);

    public async Task InitializeAsync()
    {
        _audit = await AuditTestStorage.CreateAsync(azurite);
        for (var day = 0; day < 3; day++)
        {
            await AppendAsync(EventsPerDay);
            _checkpoints.AddRange(await _audit.CreateCheckpointWriter(every: 3, _time).WriteUpToNowAsync());
            _time.Advance(TimeSpan.FromDays(1));
        }
    }

    public async Task DisposeAsync() => await _audit.DisposeAsync();

    [Fact]
    public async Task Every_event_proves_included_in_its_first_checkpoint_and_in_every_later_one_of_its_day()
    {
        for (var sequence = 1L; sequence <= 3 * EventsPerDay; sequence++)
        {
            var covering = _checkpoints.Where(c => c.LastSequence >= sequence && c.TreeFirstSequence <= sequence).ToList();

            var own = (await Prover.ProveInclusionAsync(sequence, null, default)).Proof!;
            var latest = (await Prover.ProveInclusionAsync(sequence, covering[^1].BlobName, default)).Proof!;

            Assert.Equal(covering[0].BlobName, own.Proof.Checkpoint);
            Assert.True(own.Proof.Verify(), $"event {sequence} in {own.Proof.Checkpoint}");
            Assert.True(latest.Proof.Verify(), $"event {sequence} in {latest.Proof.Checkpoint}");
            Assert.Equal(sequence, own.Event.Sequence);
            Assert.Equal(own.Proof.LeafHash, AuditCheckpoint.LeafHash(own.Event.Sequence, own.Event.Time, own.Event.Event));
            Assert.Equal(covering[0].TreeRoot, own.Proof.TreeRoot);
        }
    }

    [Fact]
    public async Task Every_head_of_a_day_proves_consistent_with_every_later_head_of_that_day()
    {
        foreach (var day in _checkpoints.GroupBy(c => c.Partition))
        {
            var heads = day.ToList();
            for (var i = 0; i < heads.Count; i++)
            {
                for (var j = i; j < heads.Count; j++)
                {
                    var proof = (await Prover.ProveConsistencyAsync(heads[i].BlobName, heads[j].BlobName, default)).Proof!;

                    Assert.True(proof.Verify(), $"{heads[i].BlobName} to {heads[j].BlobName}");
                    Assert.Equal((heads[i].TreeSize, heads[j].TreeSize), (proof.FromSize, proof.ToSize));
                }
            }
        }
    }

    [Fact]
    public async Task An_edited_event_fails_its_inclusion_proofs_and_the_consistency_of_the_heads_that_hold_it()
    {
        var day = _checkpoints.Where(c => c.Partition == _checkpoints[0].Partition).ToList();
        var stored = (await _audit.Storage.Audit.GetEntityAsync<TableEntity>(day[0].Partition, AuditPartitions.EventRow(2))).Value;
        stored["Purpose"] = "another case";
        await _audit.Storage.Audit.UpdateEntityAsync(stored, stored.ETag, TableUpdateMode.Replace);

        var edited = (await Prover.ProveInclusionAsync(2, day[^1].BlobName, default)).Proof!;
        var neighbour = (await Prover.ProveInclusionAsync(9, null, default)).Proof!;
        var consistency = (await Prover.ProveConsistencyAsync(day[0].BlobName, day[^1].BlobName, default)).Proof!;

        Assert.False(edited.Proof.Verify());
        Assert.False(neighbour.Proof.Verify());
        Assert.False(consistency.Verify());
    }

    [Fact]
    public async Task A_removed_event_is_named_as_a_mismatch_not_proven_over()
    {
        await _audit.Storage.Audit.DeleteEntityAsync(_checkpoints[0].Partition, AuditPartitions.EventRow(4));

        var result = await Prover.ProveInclusionAsync(5, null, default);

        Assert.Equal((AuditProofRefusalKind.Mismatch, "sequence"), (result.Refusal?.Kind, result.Refusal?.Parameter));
    }

    [Fact]
    public async Task An_event_after_the_last_checkpoint_or_never_written_is_not_found()
    {
        await AppendAsync(1);

        var uncheckpointed = await Prover.ProveInclusionAsync((3 * EventsPerDay) + 1, null, default);
        var never = await Prover.ProveInclusionAsync(1_000_000, null, default);

        Assert.Equal((AuditProofRefusalKind.NotFound, "sequence"), (uncheckpointed.Refusal?.Kind, uncheckpointed.Refusal?.Parameter));
        Assert.Equal((AuditProofRefusalKind.NotFound, "sequence"), (never.Refusal?.Kind, never.Refusal?.Parameter));
    }

    [Fact]
    public async Task Proofs_that_cannot_be_made_are_refused_naming_the_parameter()
    {
        var (first, second) = (_checkpoints[0], _checkpoints.First(c => c.Partition != _checkpoints[0].Partition));
        var missing = first with { FirstSequence = 2 };

        var outside = await Prover.ProveInclusionAsync(first.LastSequence + 1, first.BlobName, default);
        var unknown = await Prover.ProveInclusionAsync(1, missing.BlobName, default);
        var malformed = await Prover.ProveInclusionAsync(1, "../d20250301.json", default);
        var otherDay = await Prover.ProveConsistencyAsync(first.BlobName, second.BlobName, default);
        var backwards = await Prover.ProveConsistencyAsync(_checkpoints[1].BlobName, first.BlobName, default);

        Assert.Equal((AuditProofRefusalKind.Invalid, "checkpoint"), (outside.Refusal?.Kind, outside.Refusal?.Parameter));
        Assert.Equal((AuditProofRefusalKind.NotFound, "checkpoint"), (unknown.Refusal?.Kind, unknown.Refusal?.Parameter));
        Assert.Equal((AuditProofRefusalKind.Invalid, "checkpoint"), (malformed.Refusal?.Kind, malformed.Refusal?.Parameter));
        Assert.Equal((AuditProofRefusalKind.Invalid, "to"), (otherDay.Refusal?.Kind, otherDay.Refusal?.Parameter));
        Assert.Equal((AuditProofRefusalKind.Invalid, "from"), (backwards.Refusal?.Kind, backwards.Refusal?.Parameter));
    }

    [Fact]
    public async Task A_checkpoint_written_before_tree_heads_proves_nothing_and_says_so()
    {
        var legacy = _checkpoints[0] with { FirstSequence = 100, LastSequence = 101, TreeSize = null, TreeRoot = null, TreeFrontier = null };
        await _audit.Storage.AuditCheckpoints.GetBlobClient(legacy.BlobName).UploadAsync(BinaryData.FromObjectAsJson(legacy, AuditChainReader.CheckpointJson));

        var result = await Prover.ProveConsistencyAsync(legacy.BlobName, _checkpoints[1].BlobName, default);

        Assert.Equal((AuditProofRefusalKind.Invalid, "from"), (result.Refusal?.Kind, result.Refusal?.Parameter));
        Assert.Contains("before checkpoints stated a tree head", result.Refusal!.Detail, StringComparison.Ordinal);
    }

    private async Task AppendAsync(int count)
    {
        await using var log = _audit.CreateLog(_time);
        for (var n = 0; n < count; n++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await log.AppendAsync(AuditTestStorage.Read(n, AuditTestStorage.Person(n)));
        }
    }
}
