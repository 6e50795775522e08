using Azure.Data.Tables;
using Hub.Core.Audit;
using Hub.Core.Kernel;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Functions.Tests.Audit;

[Collection(AzuriteFixture.Collection)]
public sealed class AuditPersonIndexTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private AuditTestStorage _audit = null!;

    private string AuditTable => _audit.Storage.Audit.Name;

    private string IndexTable => _audit.Storage.AuditByPerson.Name;

    public async Task InitializeAsync() => _audit = await AuditTestStorage.CreateAsync(azurite);

    public async Task DisposeAsync()
    {
        await _audit.Storage.AuditByPerson.CreateIfNotExistsAsync();
        await _audit.DisposeAsync();
    }

    [Fact]
    public async Task An_append_is_answered_once_chained_without_waiting_for_the_person_index()
    {
        await using var log = _audit.CreateLog(_time);
        await log.AppendAsync(AuditTestStorage.Read(0));
        await log.FlushPersonIndexAsync();
        var person = AuditTestStorage.Person(1);
        var (auditWrites, indexWrites) = (_audit.Requests.Writes(AuditTable), _audit.Requests.Writes(IndexTable));

        using (_audit.Requests.HoldWrites(IndexTable))
        {
            var record = await log.AppendAsync(AuditTestStorage.Read(1, person)).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(1, _audit.Requests.Writes(AuditTable) - auditWrites);
            Assert.Equal(0, _audit.Requests.Writes(IndexTable) - indexWrites);
            Assert.Equal([record.Sequence], await AccessesAsync(person));
        }

        await log.FlushPersonIndexAsync();
        Assert.Equal(2, (await CursorAsync())?.Sequence);
    }

    [Fact]
    public async Task The_cursor_reaches_the_chain_head_once_the_events_are_indexed()
    {
        await using var log = _audit.CreateLog(_time);

        await Task.WhenAll(Enumerable.Range(1, 300).Select(n => log.AppendAsync(AuditTestStorage.Read(n, AuditTestStorage.Person(n % 40)))));
        await log.FlushPersonIndexAsync();

        var head = await HeadAsync();
        Assert.Equal(300, head.Sequence);
        Assert.Equal(new ChainCursor(head.PartitionKey, 300), await CursorAsync());
        Assert.Equal(300, await IndexRowsAsync());
    }

    [Fact]
    public async Task Two_instances_index_each_others_events_once_a_gap_has_stood_a_moment()
    {
        await using var first = _audit.CreateLog(_time);
        await using var second = _audit.CreateLog(_time);
        for (var n = 1; n <= 10; n++)
        {
            await (n % 2 == 0 ? first : second).AppendAsync(AuditTestStorage.Read(n, AuditTestStorage.Person(7)));
        }

        // Each instance indexed its own events; the other's leave gaps, filled from the chain once they have stood.
        await Task.WhenAll(first.FlushPersonIndexAsync(), second.FlushPersonIndexAsync());
        _time.Advance(TimeSpan.FromSeconds(3));
        await Task.WhenAll(first.FlushPersonIndexAsync(), second.FlushPersonIndexAsync());

        Assert.Equal(10, (await CursorAsync())?.Sequence);
        Assert.Equal(10, await IndexRowsAsync());
        Assert.Equal(Enumerable.Range(1, 10).Select(n => (long)n), await AccessesAsync(AuditTestStorage.Person(7)));
    }

    [Fact]
    public async Task An_index_left_behind_by_a_crash_is_caught_up_and_lists_each_access_once()
    {
        var person = AuditTestStorage.Person(3);
        await using (var crashed = _audit.CreateLog(_time))
        {
            for (var n = 1; n <= 4; n++)
            {
                await crashed.AppendAsync(AuditTestStorage.Read(n, person));
            }

            await crashed.FlushPersonIndexAsync();
        }

        // The process stopped between chaining and indexing: chained events, no index rows, the cursor behind.
        var chain = new AuditChain(_audit.Storage, _time);
        for (var n = 5; n <= 8; n++)
        {
            await chain.AppendAsync([AuditTestStorage.Read(n, n == 6 ? AuditTestStorage.Person(30) : person)], CancellationToken.None);
        }

        var beforeCatchUp = await AccessesAsync(person);
        await using var restarted = _audit.CreateLog(_time);
        await restarted.CatchUpPersonIndexAsync();
        var afterCatchUp = await AccessesAsync(person);

        long[] expected = [1, 2, 3, 4, 5, 7, 8];
        Assert.Equal(expected, beforeCatchUp);
        Assert.Equal(expected, afterCatchUp);
        Assert.Equal(8, (await CursorAsync())?.Sequence);
        Assert.Equal(8, await IndexRowsAsync());
        Assert.True((await new AuditVerifier(_audit.Storage).VerifyAsync(DateOnly.FromDateTime(Start.UtcDateTime), DateOnly.FromDateTime(Start.UtcDateTime))).Intact);
    }

    [Fact]
    public async Task Rows_indexed_beyond_the_cursor_are_listed_once_from_the_chain()
    {
        var person = AuditTestStorage.Person(4);
        await using var log = _audit.CreateLog(_time);
        for (var n = 1; n <= 6; n++)
        {
            await log.AppendAsync(AuditTestStorage.Read(n, person));
        }

        await log.FlushPersonIndexAsync();
        var cursor = (await _audit.Storage.AuditByPerson.GetEntityAsync<TableEntity>(AuditPersonIndex.CursorPartition, AuditPersonIndex.CursorRow)).Value;
        cursor["Sequence"] = 3L;
        await _audit.Storage.AuditByPerson.UpdateEntityAsync(cursor, cursor.ETag, TableUpdateMode.Replace);

        Assert.Equal([1L, 2, 3, 4, 5, 6], await AccessesAsync(person));
    }

    [Fact]
    public async Task Without_its_table_the_index_fails_quietly_and_heals_when_the_table_is_back()
    {
        var person = AuditTestStorage.Person(5);
        await using var log = _audit.CreateLog(_time);
        await log.AppendAsync(AuditTestStorage.Read(0));
        await log.FlushPersonIndexAsync();
        await _audit.Storage.AuditByPerson.DeleteAsync();

        var records = new List<AuditRecord>();
        for (var n = 1; n <= 3; n++)
        {
            records.Add(await log.AppendAsync(AuditTestStorage.Read(n, person)));
        }

        var withoutIndex = await AccessesAsync(person);
        await _audit.Storage.AuditByPerson.CreateAsync();
        await log.CatchUpPersonIndexAsync();

        Assert.Equal(records.Select(r => r.Sequence), withoutIndex);
        Assert.Equal(4, (await CursorAsync())?.Sequence);
        Assert.Equal(3, await IndexRowsAsync());
        Assert.Equal(records.Select(r => r.Sequence), await AccessesAsync(person));
    }

    [Fact]
    public async Task A_persons_accesses_page_through_index_then_chain_in_order_with_filters_applied_to_both()
    {
        var person = AuditTestStorage.Person(6);
        await using (var log = _audit.CreateLog(_time))
        {
            for (var n = 1; n <= 7; n++)
            {
                await log.AppendAsync(AuditTestStorage.Read(n, person, user: n % 2 == 0 ? "user-even" : "user-odd"));
            }
        }

        var chain = new AuditChain(_audit.Storage, _time);
        for (var n = 8; n <= 14; n++)
        {
            await chain.AppendAsync([AuditTestStorage.Read(n, n == 10 ? AuditTestStorage.Person(60) : person, user: n % 2 == 0 ? "user-even" : "user-odd")], CancellationToken.None);
        }

        var all = await AccessesAsync(person, pageSize: 3);
        var even = await AccessesAsync(person, pageSize: 2, user: "user-even");

        Assert.Equal([1L, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14], all);
        Assert.Equal([2L, 4, 6, 8, 12, 14], even);
        await Assert.ThrowsAsync<ArgumentException>(() => new AuditSearch(_audit.Storage).SearchAsync(Query(person), "t|x|d20250301"));
    }

    /// <summary>The sequences "who looked at this person" lists, page by page, checking that each page's continuation goes on.</summary>
    private async Task<List<long>> AccessesAsync(PersonKey person, int pageSize = 100, string? user = null)
    {
        var search = new AuditSearch(_audit.Storage);
        var sequences = new List<long>();
        string? continuation = null;
        do
        {
            var page = await search.SearchAsync(Query(person) with { UserId = user }, continuation, pageSize);
            Assert.True(page.Events.Count <= pageSize);
            Assert.All(page.Events, e => Assert.Contains(person, e.Event.PersonKeys));
            sequences.AddRange(page.Events.Select(e => e.Sequence));
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        return sequences;
    }

    private static AuditQuery Query(PersonKey person) => new() { From = Start.AddDays(-1), To = Start.AddDays(1), PersonKey = person };

    private Task<ChainCursor?> CursorAsync() => new AuditPersonIndex(_audit.Storage).ReadCursorAsync(CancellationToken.None);

    private async Task<AuditChainHeadEntity> HeadAsync() =>
        (await _audit.Storage.Audit.GetEntityAsync<AuditChainHeadEntity>(AuditPartitions.ForDay(Start), AuditPartitions.HeadRow)).Value;

    private async Task<int> IndexRowsAsync()
    {
        var rows = 0;
        await foreach (var row in _audit.Storage.AuditByPerson.QueryAsync<TableEntity>(e => e.PartitionKey != AuditPersonIndex.CursorPartition, select: ["RowKey"]))
        {
            rows++;
        }

        return rows;
    }
}
