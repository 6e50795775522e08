using System.Net;
using Azure.Data.Tables;
using Hub.Core.Access;
using Hub.Core.Feeds.Batches;
using Hub.Core.Identity.Keys;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Profiles.Facts;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Hub.Functions.Tests.Resolution.ResolutionFeeds;

namespace Hub.Functions.Tests.Profiles;

/// <summary>
/// A sealed view carries its person's wrapped data key, so reading it is one point read; the data key row stays the
/// source of truth, read as well whenever the copy cannot be trusted to open the view, and every write that changes the
/// key row (a new key, a rotated key-encryption key, a moved person key) leaves the view's copy the same as the row's.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class PersonViewKeyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string First = Id("11010519600101011");
    private static readonly string Second = Id("11010519620202022");

    private static readonly string OldKek = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string NewKek = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    private static readonly Dictionary<string, string?> OldKeys = new() { ["Hub:Protection:Keys:k1"] = OldKek, ["Hub:Protection:CurrentKey"] = "k1" };
    private static readonly Dictionary<string, string?> BothKeys = new(OldKeys) { ["Hub:Protection:Keys:k2"] = NewKek, ["Hub:Protection:CurrentKey"] = "k2" };
    private static readonly Dictionary<string, string?> NewKeyOnly = new() { ["Hub:Protection:Keys:k2"] = NewKek, ["Hub:Protection:CurrentKey"] = "k2" };

    // The Hub that takes the first feed. A test that restarts the Hub with other settings stops it first, as an operator
    // would, so that no batch is taken by a Hub with the old ones.
    private readonly HubFactory _first = new(azurite, OldKeys) { DeleteStorageOnDispose = false };
    private bool _firstStopped;
    private PersonKey _firstKey;
    private PersonKey _secondKey;

    // Taken while the first Hub runs; a table client outlives the Hub it came from.
    private Func<string, TableClient> FactsTable { get; set; } = null!;

    public async Task InitializeAsync()
    {
        await PushAsync(_first, Police(new PoliceRow(First, "李国强", "男", Household: "7", Relation: "户主"), new PoliceRow(Second, "张秀英", "女", Household: "8", Relation: "户主")));
        var hasher = _first.Services.GetRequiredService<PersonKeyHasher>();
        (_firstKey, _secondKey) = (hasher.Hash(ResidentId.Parse(First)), hasher.Hash(ResidentId.Parse(Second)));
        FactsTable = _first.Storage.FactTableOf;
    }

    public async Task DisposeAsync()
    {
        await StopFirstAsync();

        // The last Hub on the storage deletes it.
        await using var last = new HubFactory(azurite, new Dictionary<string, string?>(OldKeys) { ["Hub:Triggers:RunLocally"] = "false" }, _first.Prefix);
        _ = last.Storage;
    }

    [Fact]
    public async Task A_fresh_persons_view_carries_the_key_row_and_is_read_in_one_request()
    {
        var key = _firstKey;
        var (view, keyRow) = await RowsAsync(key);

        var (read, requests) = await ReadCountedAsync(key, OldKeys);

        Assert.Equal((keyRow.GetString("KeyId"), keyRow.GetString("Wrapped")), (view.GetString("KeyId"), view.GetString("Wrapped")));
        Assert.Equal(1, requests);
        Assert.Equal("李国强", Assert.Single(read!.ReadFacts()).Attributes["name"]);
    }

    [Fact]
    public async Task A_view_written_before_it_carried_its_key_reads_with_the_key_row_until_the_reconciliation_adds_the_copy()
    {
        var key = _firstKey;
        var (view, _) = await RowsAsync(key);
        view.Remove("KeyId");
        view.Remove("Wrapped");
        await FactsTable(view.PartitionKey).UpdateEntityAsync(view, view.ETag, TableUpdateMode.Replace);

        var (before, requestsBefore) = await ReadCountedAsync(key, OldKeys);
        var reconciled = await _first.Services.GetRequiredService<ResidentReconciler>().RunAsync();
        var (after, requestsAfter) = await ReadCountedAsync(key, OldKeys);

        Assert.Equal(2, requestsBefore);
        Assert.Equal("李国强", Assert.Single(before!.ReadFacts()).Attributes["name"]);
        Assert.Equal(1, reconciled.ViewsWritten);
        await AssertCarriesKeyRowAsync(key, "k1");
        Assert.Equal(1, requestsAfter);
        Assert.Equal("李国强", Assert.Single(after!.ReadFacts()).Attributes["name"]);
    }

    [Fact]
    public async Task A_copy_that_does_not_open_the_view_or_names_a_key_not_configured_sends_the_read_to_the_key_row()
    {
        var (first, second) = (_firstKey, _secondKey);
        var (view, _) = await RowsAsync(first);
        var (_, othersKey) = await RowsAsync(second);

        // Another person's wrapped key does not unwrap for this one (the wrap is bound to its owner).
        view["Wrapped"] = othersKey.GetString("Wrapped");
        await FactsTable(view.PartitionKey).UpdateEntityAsync(view, view.ETag, TableUpdateMode.Replace);
        var (borrowed, borrowedRequests) = await ReadCountedAsync(first, OldKeys);
        (view, _) = await RowsAsync(first);
        view["KeyId"] = "retired";
        await FactsTable(view.PartitionKey).UpdateEntityAsync(view, view.ETag, TableUpdateMode.Replace);
        var (unknown, unknownRequests) = await ReadCountedAsync(first, OldKeys);

        Assert.Equal((2, 2), (borrowedRequests, unknownRequests));
        Assert.Equal("李国强", Assert.Single(borrowed!.ReadFacts()).Attributes["name"]);
        Assert.Equal("李国强", Assert.Single(unknown!.ReadFacts()).Attributes["name"]);
    }

    [Fact]
    public async Task A_rotated_key_encryption_key_rewraps_the_views_copy_with_the_key_row_and_the_old_key_can_go()
    {
        var (first, second) = (_firstKey, _secondKey);
        await StopFirstAsync();
        await using (var rotated = new HubFactory(azurite, BothKeys, _first.Prefix) { DeleteStorageOnDispose = false })
        {
            // The next merge of a person rewrites their key row and their view's copy in one transaction.
            await PushAsync(rotated, Police(new PoliceRow(First, "李国强", "男", Household: "9", Relation: "户主")));
            await AssertCarriesKeyRowAsync(first, "k2");
            var (untouched, untouchedKey) = await RowsAsync(second);
            Assert.Equal(untouchedKey.GetString("Wrapped"), untouched.GetString("Wrapped"));

            // The reconciliation does the same for everyone the feeds did not touch.
            await rotated.Services.GetRequiredService<ResidentReconciler>().RunAsync();
            await AssertCarriesKeyRowAsync(second, "k2");
        }

        // With the old key retired, both views still open, each with one read.
        foreach (var key in new[] { first, second })
        {
            var (view, requests) = await ReadCountedAsync(key, NewKeyOnly);
            Assert.Equal(1, requests);
            Assert.Single(view!.ReadFacts());
        }
    }

    [Fact]
    public async Task A_person_key_rotation_leaves_a_view_at_the_new_key_that_opens_with_one_read()
    {
        var oldPepper = _first.Services.GetRequiredService<IOptions<PersonKeyOptions>>().Value.Pepper!;
        var newPepper = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray());
        var newPepperOnly = new Dictionary<string, string?>(OldKeys) { ["Hub:PersonKey:Pepper"] = newPepper };
        var rotating = new Dictionary<string, string?>(newPepperOnly) { ["Hub:PersonKey:RetiredPepper"] = oldPepper };
        PersonKey moved;
        await StopFirstAsync();
        await using (var second = new HubFactory(azurite, rotating, _first.Prefix) { DeleteStorageOnDispose = false })
        {
            using var administrator = second.CreateClientWithToken(DevelopmentTokens.MintPersonal("dpo", [HubRoles.Administrator], "110100000000"));
            using var started = await administrator.PostAsync(new Uri("/api/person-keys/rotation", UriKind.Relative), content: null);
            Assert.True(started.StatusCode == HttpStatusCode.OK, await started.Content.ReadAsStringAsync());
            moved = second.Services.GetRequiredService<PersonKeyHasher>().Hash(ResidentId.Parse(First));
        }

        Assert.NotEqual(_firstKey, moved);
        await AssertCarriesKeyRowAsync(moved, "k1");
        var (view, requests) = await ReadCountedAsync(moved, newPepperOnly);
        Assert.Equal(1, requests);
        Assert.Equal("李国强", Assert.Single(view!.ReadFacts()).Attributes["name"]);
    }

    private static async Task PushAsync(HubFactory hub, byte[] csv)
    {
        var report = await hub.CreatePublisherClient("police").PushAndWaitAsync("police", csv, "text/csv");
        Assert.True(report.Status == BatchStatus.Completed, $"The police batch failed: {report.FailureReason}");
    }

    private async Task StopFirstAsync()
    {
        if (!_firstStopped)
        {
            _firstStopped = true;
            await _first.DisposeAsync();
        }
    }

    // The view row carries exactly the key row's wrapped key, wrapped with keyId, and it unwraps for its owner.
    private async Task AssertCarriesKeyRowAsync(PersonKey key, string keyId)
    {
        var (view, keyRow) = await RowsAsync(key);
        Assert.Equal((keyId, keyId), (keyRow.GetString("KeyId"), view.GetString("KeyId")));
        Assert.Equal(keyRow.GetString("Wrapped"), view.GetString("Wrapped"));
    }

    private async Task<(TableEntity View, TableEntity KeyRow)> RowsAsync(PersonKey key) =>
        ((await FactsTable(key.PartitionKey).GetEntityAsync<TableEntity>(key.PartitionKey, ResolutionRows.View(key.Value))).Value,
         (await FactsTable(key.PartitionKey).GetEntityAsync<TableEntity>(key.PartitionKey, ResolutionRows.DataKey(key.Value))).Value);

    /// <summary>
    /// The view as a second Hub on the same storage reads it, with <paramref name="settings"/>, its triggers off and its
    /// requests to the facts table counted: its own start-up and background work touch other tables, so every facts
    /// request is the read's.
    /// </summary>
    private async Task<(PersonViewEntity? View, int Requests)> ReadCountedAsync(PersonKey key, IReadOnlyDictionary<string, string?> settings)
    {
        var requests = new TableRequestLog();
        await using var quiet = new HubFactory(azurite, new Dictionary<string, string?>(settings) { ["Hub:Triggers:RunLocally"] = "false" }, _first.Prefix)
        {
            DeleteStorageOnDispose = false,
            TestServices = services => requests.AddTo(services, azurite.ConnectionString),
        };
        var facts = quiet.Services.GetRequiredService<FactStore>();
        var table = quiet.Storage.Facts.Name;
        var before = requests.Requests(table);
        var view = await facts.ReadViewAsync(key);
        return (view, requests.Requests(table) - before);
    }
}
