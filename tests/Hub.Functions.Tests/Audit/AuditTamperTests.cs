using Azure.Data.Tables;
using Hub.Core.Audit;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Functions.Tests.Audit;

[Collection(AzuriteFixture.Collection)]
public sealed class AuditTamperTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2025, 3, 1);
    private static readonly string Partition = AuditPartitions.ForDay(Day);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private AuditTestStorage _audit = null!;

    private TableClient Table => _audit.Storage.Audit;

    public async Task InitializeAsync()
    {
        _audit = await AuditTestStorage.CreateAsync(azurite);
        await using var log = _audit.CreateLog(_time);
        for (var n = 1; n <= 12; n++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await log.AppendAsync(AuditTestStorage.Read(n, AuditTestStorage.Person(n)));
        }

        await _audit.CreateCheckpointWriter(every: 4, _time).WriteUpToNowAsync();
    }

    public async Task DisposeAsync() => await _audit.DisposeAsync();

    [Fact]
    public async Task An_untouched_chain_verifies_clean_against_its_checkpoints()
    {
        var verification = await VerifyAsync();

        Assert.True(verification.Intact, verification.FirstFinding?.Detail);
        Assert.Equal(12, verification.EventsChecked);
        Assert.Equal(3, verification.CheckpointsChecked);
    }

    [Fact]
    public async Task An_edited_field_is_caught_as_an_edit_at_its_sequence()
    {
        var stored = await EventAsync(5);
        stored["UserId"] = "someone-else";
        await Table.UpdateEntityAsync(stored, stored.ETag, TableUpdateMode.Replace);

        var finding = (await VerifyAsync()).FirstFinding;

        Assert.Equal((AuditTamperKind.Edited, 5L), (finding?.Kind, finding?.Sequence));
    }

    [Fact]
    public async Task A_deleted_event_is_caught_as_a_removal_at_its_sequence()
    {
        await Table.DeleteEntityAsync(Partition, AuditPartitions.EventRow(5));

        var finding = (await VerifyAsync()).FirstFinding;

        Assert.Equal((AuditTamperKind.Removed, 5L), (finding?.Kind, finding?.Sequence));
    }

    [Fact]
    public async Task A_forged_event_with_a_plausible_sequence_and_a_valid_hash_is_caught_as_an_insertion()
    {
        var before = (await Table.GetEntityAsync<AuditEventEntity>(Partition, AuditPartitions.EventRow(5))).Value;
        var forged = AuditEventEntity.From(Partition, Chained(before.Hash, 6, before.Time.AddMilliseconds(1), AuditTestStorage.Read(99, user: "forger")));
        forged.RowKey = AuditPartitions.EventRow(5) + "a";
        await Table.AddEntityAsync(forged);

        var finding = (await VerifyAsync()).FirstFinding;

        Assert.Equal((AuditTamperKind.Inserted, 6L), (finding?.Kind, finding?.Sequence));
    }

    [Fact]
    public async Task Two_swapped_events_are_caught_as_a_reordering()
    {
        var fifth = await EventAsync(5);
        var sixth = await EventAsync(6);
        (fifth.RowKey, sixth.RowKey) = (sixth.RowKey, fifth.RowKey);
        await Table.UpsertEntityAsync(fifth, TableUpdateMode.Replace);
        await Table.UpsertEntityAsync(sixth, TableUpdateMode.Replace);

        var finding = (await VerifyAsync()).FirstFinding;

        Assert.Equal((AuditTamperKind.Reordered, 5L), (finding?.Kind, finding?.Sequence));
    }

    [Fact]
    public async Task An_edit_whose_author_recomputed_every_later_hash_is_caught_by_the_checkpoint()
    {
        var hash = (await Table.GetEntityAsync<AuditEventEntity>(Partition, AuditPartitions.EventRow(5))).Value.Hash;
        for (var sequence = 6; sequence <= 12; sequence++)
        {
            var stored = (await Table.GetEntityAsync<AuditEventEntity>(Partition, AuditPartitions.EventRow(sequence))).Value;
            var record = stored.ToRecord();
            var auditEvent = sequence == 6 ? record.Event with { Actor = record.Event.Actor with { UserId = "someone-else" } } : record.Event;
            var rewritten = AuditEventEntity.From(Partition, Chained(hash, sequence, record.Time, auditEvent));
            await Table.UpsertEntityAsync(rewritten, TableUpdateMode.Replace);
            hash = rewritten.Hash;
        }

        var head = (await Table.GetEntityAsync<TableEntity>(Partition, AuditPartitions.HeadRow)).Value;
        head["Hash"] = hash;
        await Table.UpdateEntityAsync(head, head.ETag, TableUpdateMode.Replace);

        var finding = (await VerifyAsync()).FirstFinding;

        Assert.Equal((AuditTamperKind.Edited, 5L, 8L), (finding?.Kind, finding?.Sequence, finding?.LastSequence));
    }

    private static AuditRecord Chained(string previousHash, long sequence, DateTimeOffset time, AuditEvent auditEvent) =>
        new(sequence, time, auditEvent, previousHash, AuditCanonicalForm.ChainHash(previousHash, sequence, time, auditEvent));

    private async Task<TableEntity> EventAsync(long sequence) => (await Table.GetEntityAsync<TableEntity>(Partition, AuditPartitions.EventRow(sequence))).Value;

    private Task<AuditVerification> VerifyAsync() => new AuditVerifier(_audit.Storage).VerifyAsync(Day, Day);
}
