using Azure.Data.Tables;
using Hub.Core.Audit;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Functions.Tests.Audit;

/// <summary>Checkpoints state successive heads of their day's tree, and the verifier holds them to the stored events.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class AuditTreeHeadTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2025, 3, 1);
    private static readonly string Partition = AuditPartitions.ForDay(Day);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private AuditTestStorage _audit = null!;

    public async Task InitializeAsync() => _audit = await AuditTestStorage.CreateAsync(azurite);

    public async Task DisposeAsync() => await _audit.DisposeAsync();

    [Fact]
    public async Task The_checkpoints_of_a_day_are_successive_heads_of_the_tree_of_all_its_events()
    {
        var records = await AppendAsync(12);
        var first = await _audit.CreateCheckpointWriter(every: 4, _time).WriteUpToNowAsync();
        records.AddRange(await AppendAsync(5));

        var second = await _audit.CreateCheckpointWriter(every: 4, _time).WriteUpToNowAsync();

        var heads = first.Concat(second).ToList();
        Assert.Equal([4L, 8L, 12L, 16L, 17L], heads.Select(c => c.TreeSize!.Value));
        Assert.All(heads, c => Assert.Equal(1, c.TreeFirstSequence));
        Assert.All(heads, c => Assert.Equal(Root(records.Take((int)c.TreeSize!.Value)), c.TreeRoot));
        Assert.Equal([4L, 4L, 4L, 4L, 1L], heads.Select(c => c.Count));
    }

    [Fact]
    public async Task A_later_checkpoint_extends_the_tree_as_checkpointed_even_when_an_earlier_event_was_edited_since()
    {
        var records = await AppendAsync(8);
        await _audit.CreateCheckpointWriter(every: 100, _time).WriteUpToNowAsync();
        var stored = (await _audit.Storage.Audit.GetEntityAsync<TableEntity>(Partition, AuditPartitions.EventRow(3))).Value;
        stored["UserId"] = "someone-else";
        await _audit.Storage.Audit.UpdateEntityAsync(stored, stored.ETag, TableUpdateMode.Replace);
        records.AddRange(await AppendAsync(4));

        var later = Assert.Single(await _audit.CreateCheckpointWriter(every: 100, _time).WriteUpToNowAsync());

        // Built on the earlier head's frontier, not on the table as it now reads: the edit cannot re-root the log.
        Assert.Equal(Root(records), later.TreeRoot);
        Assert.Equal(12, later.TreeSize);
    }

    [Fact]
    public async Task A_day_checkpointed_before_tree_heads_gets_heads_over_all_its_events_and_its_old_checkpoint_still_verifies()
    {
        var records = await AppendAsync(6);
        var legacy = AuditCheckpointWriter.Compute(Partition, records.Take(4).ToList(), new MerkleFrontier(), _time.GetUtcNow()) with { TreeSize = null, TreeRoot = null, TreeFrontier = null };
        await _audit.Storage.AuditCheckpoints.GetBlobClient(legacy.BlobName).UploadAsync(BinaryData.FromObjectAsJson(legacy, AuditChainReader.CheckpointJson));

        var written = Assert.Single(await _audit.CreateCheckpointWriter(every: 100, _time).WriteUpToNowAsync());
        var verification = await new AuditVerifier(_audit.Storage).VerifyAsync(Day, Day);

        Assert.Equal((5L, 6L, 6L), (written.FirstSequence, written.LastSequence, written.TreeSize!.Value));
        Assert.Equal(Root(records), written.TreeRoot);
        Assert.True(verification.Intact, verification.FirstFinding?.Detail);
        Assert.Equal((2, 1), (verification.CheckpointsChecked, verification.TreeHeadsChecked));
    }

    [Fact]
    public async Task Each_day_has_a_tree_of_its_own_linked_to_the_day_before_by_the_chain_hash()
    {
        var yesterday = await AppendAsync(3);
        _time.Advance(TimeSpan.FromDays(1));
        var today = await AppendAsync(2);

        var checkpoints = await _audit.CreateCheckpointWriter(every: 100, _time).WriteUpToNowAsync();

        Assert.Equal([(Partition, 3L, 1L), (AuditPartitions.ForDay(Day.AddDays(1)), 2L, 4L)], checkpoints.Select(c => (c.Partition, c.TreeSize!.Value, c.TreeFirstSequence!.Value)));
        Assert.Equal(Root(today), checkpoints[1].TreeRoot);
        Assert.Equal(yesterday[^1].Hash, checkpoints[1].PreviousHash);
    }

    [Fact]
    public async Task A_checkpoint_whose_tree_root_was_rewritten_is_caught_by_the_verifier()
    {
        await AppendAsync(8);
        var checkpoints = await _audit.CreateCheckpointWriter(every: 4, _time).WriteUpToNowAsync();
        var forged = checkpoints[1] with { TreeRoot = checkpoints[0].TreeRoot };
        await _audit.Storage.AuditCheckpoints.GetBlobClient(forged.BlobName).UploadAsync(BinaryData.FromObjectAsJson(forged, AuditChainReader.CheckpointJson), overwrite: true);

        var verification = await new AuditVerifier(_audit.Storage).VerifyAsync(Day, Day);

        var finding = verification.FirstFinding;
        Assert.Equal((AuditTamperKind.Edited, 1L, 8L), (finding?.Kind, finding?.Sequence, finding?.LastSequence));
        Assert.Contains(forged.BlobName, finding!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_untouched_day_verifies_every_tree_head()
    {
        await AppendAsync(10);
        await _audit.CreateCheckpointWriter(every: 3, _time).WriteUpToNowAsync();

        var verification = await new AuditVerifier(_audit.Storage).VerifyAsync(Day, Day);

        Assert.True(verification.Intact, verification.FirstFinding?.Detail);
        Assert.Equal((4, 4), (verification.CheckpointsChecked, verification.TreeHeadsChecked));
    }

    private async Task<List<AuditRecord>> AppendAsync(int count)
    {
        await using var log = _audit.CreateLog(_time);
        var records = new List<AuditRecord>();
        for (var n = 0; n < count; n++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            records.Add(await log.AppendAsync(AuditTestStorage.Read(n, AuditTestStorage.Person(n))));
        }

        return records;
    }

    private static string Root(IEnumerable<AuditRecord> records) =>
        Convert.ToHexStringLower(MerkleTreeHash.Root(records.Select(r => MerkleTreeHash.LeafHash(AuditCanonicalForm.Serialise(r.Sequence, r.Time, r.Event))).ToList()));
}
