using Azure.Data.Tables;
using Hub.Core.Storage;
using Hub.Functions.Tests.Infrastructure;

namespace Hub.Functions.Tests.Storage;

[Collection(AzuriteFixture.Collection)]
public sealed class EntityTableTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private StorageTestAccount _account = null!;

    private EntityTable Table => _account.Storage.GrantsTable;

    public async Task InitializeAsync() => _account = await StorageTestAccount.CreateAsync(azurite);

    public async Task DisposeAsync() => await _account.DisposeAsync();

    [Fact]
    public async Task A_row_reads_back_with_its_columns_and_a_version_and_the_version_is_not_stored_as_a_column()
    {
        var at = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var added = await Table.AddAsync(new TestRow { PartitionKey = "p", RowKey = "r", Name = "one", Count = 5_000_000_000, At = at });

        var read = await Table.GetAsync<TestRow>("p", "r");
        var raw = (await _account.Storage.Grants.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.True(added.IsWritten);
        Assert.NotNull(read);
        Assert.Equal(("one", 5_000_000_000L, at), (read.Name, read.Count, read.At));
        Assert.Equal(added.Version, read.Version);
        Assert.NotNull(read.StoredAt);
        Assert.Equal(["At", "Count", "Name", "PartitionKey", "RowKey"], raw.Keys.Where(k => !k.StartsWith("odata", StringComparison.Ordinal) && k != "Timestamp").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_missing_row_reads_as_null_and_does_not_exist()
    {
        Assert.Null(await Table.GetAsync<TestRow>("p", "absent"));
        Assert.False(await Table.ExistsAsync("p", "absent"));
    }

    [Fact]
    public async Task Adding_a_row_that_is_there_is_already_exists_and_leaves_it_as_it_was()
    {
        await Table.AddAsync(new TestRow { PartitionKey = "p", RowKey = "r", Name = "first" });

        var second = await Table.AddAsync(new TestRow { PartitionKey = "p", RowKey = "r", Name = "second" });

        Assert.Equal(new WriteResult(WriteOutcome.AlreadyExists, null), second);
        Assert.Equal("first", (await Table.GetAsync<TestRow>("p", "r"))!.Name);
        Assert.True(await Table.ExistsAsync("p", "r"));
    }

    [Fact]
    public async Task An_update_naming_a_version_that_was_overwritten_is_changed_and_writes_nothing()
    {
        var added = await Table.AddAsync(new TestRow { PartitionKey = "p", RowKey = "r", Name = "first" });
        var moved = await Table.UpdateAsync(new TestRow { PartitionKey = "p", RowKey = "r", Name = "second" }, added.Version!.Value, EntityUpdateMode.Replace);

        var stale = await Table.UpdateAsync(new TestRow { PartitionKey = "p", RowKey = "r", Name = "stale" }, added.Version.Value, EntityUpdateMode.Replace);

        Assert.True(moved.IsWritten);
        Assert.NotEqual(added.Version, moved.Version);
        Assert.Equal(WriteOutcome.Changed, stale.Outcome);
        Assert.Equal("second", (await Table.GetAsync<TestRow>("p", "r"))!.Name);
    }

    [Fact]
    public async Task An_update_of_a_row_that_is_not_there_is_missing()
    {
        var result = await Table.UpdateAsync(new TestRow { PartitionKey = "p", RowKey = "gone" }, EntityVersion.Any, EntityUpdateMode.Merge);

        Assert.Equal(WriteOutcome.Missing, result.Outcome);
    }

    [Fact]
    public async Task A_merge_keeps_the_columns_the_entity_does_not_carry_and_a_replace_drops_them()
    {
        await Table.AddAsync(new TestRow { PartitionKey = "p", RowKey = "r", Name = "kept", Count = 7 });

        await Table.UpsertAsync(new CountRow { PartitionKey = "p", RowKey = "r", Count = 8 }, EntityUpdateMode.Merge);
        var merged = await Table.GetAsync<TestRow>("p", "r");
        await Table.UpsertAsync(new CountRow { PartitionKey = "p", RowKey = "r", Count = 9 }, EntityUpdateMode.Replace);
        var replaced = await Table.GetAsync<TestRow>("p", "r");

        Assert.Equal(("kept", 8L), (merged!.Name, merged.Count));
        Assert.Equal(((string?)null, 9L), (replaced!.Name, replaced.Count));
    }

    [Fact]
    public async Task A_delete_naming_an_old_version_is_changed_and_one_naming_none_removes_the_row()
    {
        var added = await Table.AddAsync(new TestRow { PartitionKey = "p", RowKey = "r" });
        await Table.UpsertAsync(new TestRow { PartitionKey = "p", RowKey = "r", Name = "again" }, EntityUpdateMode.Replace);

        var stale = await Table.DeleteAsync("p", "r", added.Version);
        var deleted = await Table.DeleteAsync("p", "r");

        Assert.Equal(WriteOutcome.Changed, stale);
        Assert.Equal(WriteOutcome.Written, deleted);
        Assert.False(await Table.ExistsAsync("p", "r"));
    }

    [Fact]
    public async Task A_transaction_returns_each_rows_new_version()
    {
        var result = await Table.SubmitAsync([EntityChange.Add(new TestRow { PartitionKey = "p", RowKey = "a" }), EntityChange.Upsert(new TestRow { PartitionKey = "p", RowKey = "b" })]);

        Assert.True(result.IsWritten);
        Assert.Equal((await Table.GetAsync<TestRow>("p", "b"))!.Version, result.Versions[1]);
        Assert.Null(result.FailedIndex);
    }

    [Fact]
    public async Task A_transaction_with_a_row_already_there_writes_nothing_and_names_that_change()
    {
        await Table.AddAsync(new TestRow { PartitionKey = "p", RowKey = "b" });

        var result = await Table.SubmitAsync([EntityChange.Add(new TestRow { PartitionKey = "p", RowKey = "a" }), EntityChange.Add(new TestRow { PartitionKey = "p", RowKey = "b" })]);

        Assert.Equal((WriteOutcome.AlreadyExists, (int?)1), (result.Outcome, result.FailedIndex));
        Assert.False(await Table.ExistsAsync("p", "a"));
    }

    [Fact]
    public async Task A_transaction_naming_a_stale_version_is_changed_and_writes_nothing()
    {
        var added = await Table.AddAsync(new TestRow { PartitionKey = "p", RowKey = "head", Count = 1 });
        await Table.UpsertAsync(new TestRow { PartitionKey = "p", RowKey = "head", Count = 2 }, EntityUpdateMode.Replace);

        var result = await Table.SubmitAsync([EntityChange.Add(new TestRow { PartitionKey = "p", RowKey = "event" }), EntityChange.Update(new TestRow { PartitionKey = "p", RowKey = "head", Count = 3 }, added.Version!.Value)]);

        Assert.Equal((WriteOutcome.Changed, (int?)1), (result.Outcome, result.FailedIndex));
        Assert.False(await Table.ExistsAsync("p", "event"));
        Assert.Equal(2, (await Table.GetAsync<TestRow>("p", "head"))!.Count);
    }

    [Fact]
    public async Task A_transaction_deleting_a_row_that_is_not_there_is_missing_and_writes_nothing()
    {
        await Table.AddAsync(new TestRow { PartitionKey = "p", RowKey = "kept" });

        var result = await Table.SubmitAsync([EntityChange.Upsert(new TestRow { PartitionKey = "p", RowKey = "new" }), EntityChange.Delete("p", "kept"), EntityChange.Delete("p", "gone")]);

        Assert.Equal((WriteOutcome.Missing, (int?)2), (result.Outcome, result.FailedIndex));
        Assert.Equal((false, true), (await Table.ExistsAsync("p", "new"), await Table.ExistsAsync("p", "kept")));
        Assert.True(StorageFailures.IsStorageFailure(Assert.ThrowsAny<Exception>(result.ThrowIfNotWritten), out var status));
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task A_delete_in_a_transaction_removes_the_row_whatever_its_version()
    {
        await Table.AddAsync(new TestRow { PartitionKey = "p", RowKey = "a", Count = 1 });
        await Table.UpsertAsync(new TestRow { PartitionKey = "p", RowKey = "a", Count = 2 }, EntityUpdateMode.Replace);

        var result = await Table.SubmitAsync([EntityChange.Delete(new TestRow { PartitionKey = "p", RowKey = "a" })]);

        result.ThrowIfNotWritten();
        Assert.False(await Table.ExistsAsync("p", "a"));
    }

    [Fact]
    public async Task A_delete_in_a_transaction_of_a_row_read_before_it_changed_still_removes_it()
    {
        await Table.AddAsync(new TestRow { PartitionKey = "p", RowKey = "a", Count = 1 });
        var read = await Table.GetAsync<TestRow>("p", "a");
        await Table.UpsertAsync(new TestRow { PartitionKey = "p", RowKey = "a", Count = 2 }, EntityUpdateMode.Replace);

        var result = await Table.SubmitAsync([EntityChange.Delete(read!)]);

        Assert.True(result.IsWritten);
        Assert.False(await Table.ExistsAsync("p", "a"));
    }

    [Fact]
    public async Task A_query_without_a_filter_reads_every_row_of_every_partition_in_key_order()
    {
        await Table.SubmitAsync([EntityChange.Add(new TestRow { PartitionKey = "p1", RowKey = "b" }), EntityChange.Add(new TestRow { PartitionKey = "p1", RowKey = "a" })]);
        await Table.AddAsync(new TestRow { PartitionKey = "p0", RowKey = "z" });
        await Table.AddAsync(new TestRow { PartitionKey = "p2", RowKey = "c" });

        var rows = await Table.QueryAsync<TestRow>(filter: null, pageSize: 2).ToListAsync();

        Assert.Equal([("p0", "z"), ("p1", "a"), ("p1", "b"), ("p2", "c")], rows.Select(r => (r.PartitionKey, r.RowKey)));
        Assert.All(rows, r => Assert.NotNull(r.Version));
    }

    [Fact]
    public async Task A_bare_row_stores_no_column_and_its_version_moves_with_every_upsert()
    {
        var first = await Table.UpsertAsync(new BareRow("p", "~version"), EntityUpdateMode.Replace);
        var second = await Table.UpsertAsync(new BareRow("p", "~version"), EntityUpdateMode.Replace);

        var read = await Table.GetAsync<BareRow>("p", "~version");
        var raw = (await _account.Storage.Grants.GetEntityAsync<TableEntity>("p", "~version")).Value;

        Assert.NotEqual(first, second);
        Assert.Equal(second, read!.Version);
        Assert.Equal(["PartitionKey", "RowKey"], raw.Keys.Where(k => !k.StartsWith("odata", StringComparison.Ordinal) && k != "Timestamp").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Rows_of_any_kind_read_with_their_columns_keys_and_versions_and_fill_an_entity_that_writes_back_guarded()
    {
        var at = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var added = await Table.AddAsync(new TestRow { PartitionKey = "p", RowKey = "a", Name = "one", Count = 7, At = at });
        await Table.UpsertAsync(new BareRow("p", "b"), EntityUpdateMode.Replace);

        var rows = await Table.QueryRowsAsync(TableFilter.Of($"PartitionKey eq {"p"}")).ToListAsync();
        var filled = rows[0].Fill(new TestRow { Name = rows[0].GetString("Name"), Count = rows[0].GetInt64("Count") ?? 0, At = rows[0].GetDateTimeOffset("At") ?? default });
        await Table.UpsertAsync(new TestRow { PartitionKey = "p", RowKey = "a", Name = "two" }, EntityUpdateMode.Replace);

        Assert.Equal(["a", "b"], rows.Select(r => r.RowKey));
        Assert.Equal(("p", "a", added.Version, "one", 7L, at), (filled.PartitionKey, filled.RowKey, filled.Version, filled.Name, filled.Count, filled.At));
        Assert.Null(rows[1].GetString("Name"));
        Assert.Equal(WriteOutcome.Changed, (await Table.UpdateAsync(filled, filled.Version!.Value, EntityUpdateMode.Replace)).Outcome);
    }

    [Fact]
    public async Task Pages_follow_their_continuation_tokens_through_every_row_once_in_key_order()
    {
        var rows = Enumerable.Range(0, 25).Select(n => new TestRow { PartitionKey = "p", RowKey = $"r{n:D2}", Count = n }).ToList();
        await Table.SubmitAsync(rows.Select(EntityChange.Add));
        var filter = TableFilter.Of($"PartitionKey eq {"p"} and Count ge {5L}");

        var seen = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await Table.QueryPageAsync<TestRow>(filter, token, pageSize: 8);
            seen.AddRange(page.Items.Select(r => r.RowKey));
            Assert.True(page.Items.Count <= 8);
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(rows.Skip(5).Select(r => r.RowKey), seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task A_query_reads_only_the_selected_columns_of_every_matching_row()
    {
        await Table.SubmitAsync(Enumerable.Range(0, 5).Select(n => EntityChange.Add(new TestRow { PartitionKey = "p", RowKey = $"r{n}", Name = "x", Count = n })));

        var rows = await Table.QueryAsync<TestRow>(TableFilter.Of($"PartitionKey eq {"p"}"), pageSize: 2, select: ["Count"]).ToListAsync();

        Assert.Equal([0L, 1, 2, 3, 4], rows.Select(r => r.Count));
        Assert.All(rows, r => Assert.Null(r.Name));
    }

    [Fact]
    public async Task A_filter_value_with_quotes_is_escaped_and_matches_only_itself()
    {
        await Table.AddAsync(new TestRow { PartitionKey = "p", RowKey = "a", Name = "o'brien" });
        await Table.AddAsync(new TestRow { PartitionKey = "p", RowKey = "b", Name = "other" });

        var rows = await Table.QueryAsync<TestRow>(TableFilter.Of($"Name eq {"o'brien' or Name ne '"}")).ToListAsync();
        var exact = await Table.QueryAsync<TestRow>(TableFilter.Of($"Name eq {"o'brien"}")).ToListAsync();

        Assert.Empty(rows);
        Assert.Equal(["a"], exact.Select(r => r.RowKey));
    }

    [Fact]
    public async Task A_row_of_a_missing_table_reads_as_null_and_writing_to_it_fails_as_a_storage_failure()
    {
        await _account.Storage.Grants.DeleteAsync();

        var read = await Table.GetAsync<TestRow>("p", "r");
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Table.AddAsync(new TestRow { PartitionKey = "p", RowKey = "r" }));

        Assert.Null(read);
        Assert.True(StorageFailures.IsStorageFailure(failure, out var status));
        Assert.Equal(404, status);
    }
}
