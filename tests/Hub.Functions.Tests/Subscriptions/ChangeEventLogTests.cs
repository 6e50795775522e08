using System.Globalization;
using Azure.Data.Tables;
using Hub.Core.Exchange;
using Hub.Core.Kernel;
using Hub.Core.Protection;
using Hub.Core.Storage;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Functions.Tests.Subscriptions;

/// <summary>
/// The change-event log's packs against storage: many events to a row, a cursor anywhere inside a row, publishers
/// racing for the tail, an erasure inside a pack, rows of one event from before packs, and pruning whole blocks.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ChangeEventLogTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-06T10:00:00Z", CultureInfo.InvariantCulture);

    private readonly HubFactory _hub = new(azurite, new Dictionary<string, string?> { ["Hub:Triggers:RunLocally"] = "false" });

    private ChangeEventLog Log => _hub.Services.GetRequiredService<ChangeEventLog>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_batch_is_published_in_a_few_rows_and_a_cursor_anywhere_reads_what_a_read_from_the_start_reads()
    {
        await Log.StageAsync("b1", Events("b1", 0, 130));
        await Log.StageAsync("b2", Events("b2", 200, 7));

        Assert.Equal((130, 7), (await Log.PublishAsync("b1", Now), await Log.PublishAsync("b2", Now)));
        var all = await ReadAllAsync(0);
        var feedRows = await FeedRowsAsync();

        Assert.Equal(Enumerable.Range(0, 137).Select(i => (long?)i), all.Select(e => e.Sequence));
        Assert.Equal(Events("b1", 0, 130).Select(e => e.Id).Order(StringComparer.Ordinal), all.Take(130).Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.True(feedRows.Count <= 5, $"{feedRows.Count} rows for 137 events");
        Assert.Equal(137, await Log.TailAsync());
        for (var cursor = 0; cursor < 137; cursor++)
        {
            var read = await Log.ReadAsync(cursor, 6);
            var expected = all.Skip(cursor).Take(6).ToList();
            Assert.Equal(expected.Select(e => (e.Id, e.Sequence)), read.Events.Select(e => (e.Id, e.Sequence)));
            Assert.Equal((expected.Count, expected[^1].Sequence), (read.Sequences, read.LastSequence));
        }
    }

    [Fact]
    public async Task Publishers_racing_for_the_tail_write_every_event_once_over_blocks_without_gap_or_overlap()
    {
        string[] batches = ["r1", "r2", "r3", "r4"];
        foreach (var (batch, i) in batches.Select((b, i) => (b, i)))
        {
            await Log.StageAsync(batch, Events(batch, i * 1000, 300));
        }

        var published = await Task.WhenAll(batches.Select(b => Log.PublishAsync(b, Now)));
        var all = await ReadAllAsync(0);
        var rows = await FeedRowsAsync();

        Assert.Equal([300, 300, 300, 300], published);
        Assert.Equal(Enumerable.Range(0, 1200).Select(i => (long?)i), all.Select(e => e.Sequence));
        Assert.Equal(1200, all.Select(e => e.Id).Distinct().Count());
        Assert.All(all.GroupBy(e => e.BatchId), batch => Assert.Equal(batch.Select(e => e.PersonKey.Value).Order(StringComparer.Ordinal), batch.Select(e => e.PersonKey.Value)));

        // The rows tile the sequences: each starts where the one before ends, none crosses a slot.
        var end = 0L;
        foreach (var row in rows)
        {
            Assert.Equal((long?)end, row.Sequence);
            Assert.Equal(row.Sequence / ChangeEventLog.SlotSize, (row.Sequence + row.Size() - 1) / ChangeEventLog.SlotSize);
            end = row.Sequence!.Value + row.Size();
        }

        Assert.Equal(1200, end);
    }

    [Fact]
    public async Task An_erased_persons_events_are_blanked_in_their_pack_and_taken_out_of_staging()
    {
        await Log.StageAsync("e1", Events("e1", 0, 10));
        await Log.PublishAsync("e1", Now);
        await Log.StageAsync("e2", [.. Events("e2", 3, 2), .. Events("e2", 50, 1)]);
        var erased = PersonKey.Parse(Key(3));

        var gone = await Log.EraseAsync([erased]);
        var feed = await Log.ReadAsync(0, 100);
        var published = await Log.PublishAsync("e2", Now);
        var after = await ReadAllAsync(0);

        Assert.Equal(2, gone);
        Assert.Equal((10, 9L), (feed.Sequences, feed.LastSequence));
        Assert.Equal(9, feed.Events.Count);
        Assert.DoesNotContain(feed.Events, e => e.PersonKey == erased);
        Assert.Equal(2, published);
        Assert.Equal(Events("e2", 4, 1).Concat(Events("e2", 50, 1)).Select(e => e.Id), after.Skip(9).Select(e => e.Id));
        Assert.Equal([10L, 11L], after.Skip(9).Select(e => e.Sequence!.Value));
        Assert.False(await AnyColumnHoldsAsync(erased.Value), "The erased person's key is still in the events table");
    }

    [Fact]
    public async Task Rows_of_one_event_written_before_packs_stay_readable_and_the_tail_goes_on_after_them()
    {
        var seal = new DerivedSeal(_hub.Services.GetRequiredService<KeyRing>(), "event-values");
        var old = Events("old", 0, 3);
        foreach (var (change, sequence) in old.Select((e, i) => (e, (long)i)))
        {
            await _hub.Storage.EventsTable.AddAsync(OneEventRow(PackedChangeEvent.Of(change, seal), sequence));
        }

        await _hub.Storage.EventsTable.UpsertAsync(new FeedMarkEntity { PartitionKey = "head", RowKey = "next", Position = 2 }, EntityUpdateMode.Replace);
        await Log.StageAsync("new", Events("new", 10, 2));

        await Log.PublishAsync("new", Now);
        var gone = await Log.EraseAsync([old[1].PersonKey]);
        var all = await ReadAllAsync(0);

        Assert.Equal(1, gone);
        Assert.Equal([old[0].Id, old[2].Id, .. Events("new", 10, 2).Select(e => e.Id)], all.Select(e => e.Id));
        Assert.Equal([0L, 2L, 3L, 4L], all.Select(e => e.Sequence!.Value));
        Assert.Equal(5, await Log.TailAsync());
    }

    [Fact]
    public async Task Pruning_drops_whole_blocks_and_a_hint_left_behind_them_does_not_move_the_tail_back()
    {
        await Log.StageAsync("p1", Events("p1", 0, 1100));
        await Log.PublishAsync("p1", Now);

        var removed = await Log.PruneAsync(Now.AddDays(1));
        await _hub.Storage.EventsTable.UpsertAsync(new FeedMarkEntity { PartitionKey = "head", RowKey = "next", Position = 10 }, EntityUpdateMode.Replace);
        var tail = await Log.TailAsync();
        await Log.StageAsync("p2", Events("p2", 5000, 3));
        await Log.PublishAsync("p2", Now);
        var left = await ReadAllAsync(1000);

        Assert.Equal(1000, await Log.FirstRetainedAsync());
        Assert.True(removed is > 0 and <= 21, $"{removed} rows removed");
        Assert.Equal(1100, tail);
        Assert.Equal(Enumerable.Range(1000, 103).Select(i => (long?)i), left.Select(e => e.Sequence));
    }

    private async Task<List<ChangeEvent>> ReadAllAsync(long from)
    {
        var events = new List<ChangeEvent>();
        while (true)
        {
            var read = await Log.ReadAsync(from, 1000);
            events.AddRange(read.Events);
            if (read.LastSequence is not { } last)
            {
                return events;
            }

            from = last + 1;
        }
    }

    private async Task<List<ChangeEventEntity>> FeedRowsAsync() =>
        await _hub.Storage.EventsTable.QueryAsync<ChangeEventEntity>(TableFilter.Of($"PartitionKey ge {"f"} and PartitionKey lt {"g"}")).ToListAsync();

    private async Task<bool> AnyColumnHoldsAsync(string text)
    {
        var table = _hub.Storage.ServiceTables.GetTableClient(_hub.Storage.EventsTable.Name);
        return await table.QueryAsync<TableEntity>().AnyAsync(row => row.Select(p => p.Value).OfType<string>().Any(v => v.Contains(text, StringComparison.Ordinal)));
    }

    private static ChangeEventEntity OneEventRow(PackedChangeEvent e, long sequence) => new()
    {
        PartitionKey = ChangeEventLog.BlockPartition(sequence),
        RowKey = ChangeEventLog.SequenceRow(sequence),
        EventId = e.Id,
        Type = e.Type,
        PersonKey = e.PersonKey,
        Source = e.Source,
        BatchId = e.BatchId,
        EffectiveDate = e.EffectiveDate,
        Changes = e.Changes,
        Sequence = sequence,
        PublishedAt = Now,
    };

    private static string Key(int index) => string.Create(CultureInfo.InvariantCulture, $"{index:x32}");

    // count deaths of the persons from first on, in person order.
    private static List<ChangeEvent> Events(string batch, int first, int count) =>
        [.. Enumerable.Range(first, count).Select(i =>
        {
            var person = PersonKey.Parse(Key(i));
            AttributeChange[] changes = [new("personStatus", "police", "active", "deceased")];
            return new ChangeEvent
            {
                Id = ChangeEvent.StableId(person, ChangeEventType.PersonDeceased, null, changes, null),
                Type = ChangeEventType.PersonDeceased,
                PersonKey = person,
                Source = "police",
                BatchId = batch,
                EffectiveDate = new DateOnly(2026, 11, 1),
                Changes = changes,
            };
        })];
}
