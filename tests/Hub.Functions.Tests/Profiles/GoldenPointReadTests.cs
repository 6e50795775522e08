using Hub.Core.Identity.Matching;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Profiles.Facts;
using Hub.Core.Storage;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Resolution;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Functions.Tests.Profiles.RowDescriptions;
using static Hub.Functions.Tests.Resolution.ResolutionFeeds;

namespace Hub.Functions.Tests.Profiles;

/// <summary>
/// The rebuild of a golden person a batch touched reads their rows by their keys where their view and the batch name
/// every row their range holds. Those rows, and the views written from them, must be the range's; wherever the view
/// cannot show that (another writer's marker, a marker written whole, a copy from before it named its own facts, a member
/// gone, the person's own facts merged by the batch), the range is read.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class GoldenPointReadTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string Linked = Id("11010519800512031");
    private static readonly string Joining = Id("11010519810613041");

    private readonly TableRequestLog _requests = new();
    private ResolutionHub _hub = null!;
    private PersonKey _golden;
    private PersonKey _record;
    private PersonKey _joining;

    private IServiceProvider Services => _hub.Factory.Services;

    private FactStore Facts => Services.GetRequiredService<FactStore>();

    private LinkedViews Views => Services.GetRequiredService<LinkedViews>();

    private EntityTable Table => _hub.Factory.Storage.FactsTable;

    /// <summary>A police person with a civil-affairs record kept without an ID linked to them: a golden person with a member.</summary>
    public async Task InitializeAsync()
    {
        _hub = new ResolutionHub(azurite, testServices: services => _requests.AddTo(services, azurite.ConnectionString));
        await _hub.PushAsync("police", Police(new PoliceRow(Linked, "陈明", "男"), new PoliceRow(Joining, "陈亮", "男")));
        await _hub.PushAsync("civil-affairs", CivilAffairs(WithWrongCheck(Linked), "陈明", "男", "1980-05-12"));
        _golden = PersonKey.Parse(_hub.KeyOf(Linked));
        _record = PersonKey.Parse(await _hub.UnidentifiedKeyAsync("civil-affairs"));
        _joining = PersonKey.Parse(_hub.KeyOf(Joining));
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_golden_persons_view_with_no_marker_names_the_rows_their_range_holds()
    {
        var byKeys = await Views.ReadByKeysAsync(_golden, KnownRows.None);

        Assert.NotNull(byKeys);
        Assert.Equal([_record.Value], byKeys.Members.Select(m => m.Member));
        await AssertSameAsRangeAsync(byKeys, KnownRows.None);
    }

    [Fact]
    public async Task Under_the_batchs_own_marker_the_rows_by_their_keys_and_the_views_they_give_are_the_ranges()
    {
        // A batch links a second key to the golden person: its member row and its marker in one transaction.
        var known = await LinkJoiningAsync(Mark);

        var byKeys = await Views.ReadByKeysAsync(_golden, known);

        Assert.NotNull(byKeys);
        Assert.Equal(new[] { _joining.Value, _record.Value }.Order(StringComparer.Ordinal), byKeys.Members.Select(m => m.Member));
        await AssertSameAsRangeAsync(byKeys, known);
    }

    [Fact]
    public async Task The_rebuild_under_the_batchs_own_marker_reads_no_range_and_writes_what_the_range_gives()
    {
        var known = await LinkJoiningAsync(Mark) with
        {
            // Both members' rows are known to the batch, so the only range left would be the golden person's.
            Facts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                [_record.Value] = [.. (await Facts.ReadPersonAsync(_record)).Facts.Select(f => f.RowKey)],
                [_joining.Value] = [.. (await Facts.ReadPersonAsync(_joining)).Facts.Select(f => f.RowKey)],
            },
        };
        var fromRange = await PlannedAsync(await Facts.ReadPersonAsync(_golden), known: null);
        var before = RangesRead();

        await Views.RefreshAsync(_golden, known);

        Assert.Equal(before, RangesRead());
        Assert.Equal([.. new[] { _golden.Value, _joining.Value }.Order(StringComparer.Ordinal)], fromRange.Select(v => v.PersonKey));
        foreach (var (personKey, what) in fromRange)
        {
            Assert.Equal(what, Describe((await Facts.ReadViewAsync(PersonKey.Parse(personKey)))!));
        }

        Assert.Equal(new[] { _joining.Value, _record.Value }.Order(StringComparer.Ordinal), (await Facts.ReadViewAsync(_golden))!.ReadMembers());
    }

    [Fact]
    public async Task Another_writers_marker_a_marker_written_whole_or_the_batchs_own_merge_sends_the_rebuild_to_the_range()
    {
        var known = await LinkJoiningAsync("fedcba9876543210");
        Assert.Null(await Views.ReadByKeysAsync(_golden, known with { Mark = Mark }));
        Assert.NotNull(await Views.ReadByKeysAsync(_golden, known));
        Assert.Null(await Views.ReadByKeysAsync(_golden, known with { OwnChanged = new HashSet<string>([_golden.Value], StringComparer.Ordinal) }));

        // The same member rows, a second marker: two writers' members may have come.
        await Services.GetRequiredService<PersonResolver>().WriteRowsAsync([DecisionRows.NewMember(_golden, _joining)], Mark);
        Assert.Null(await Views.ReadByKeysAsync(_golden, known));
        Assert.Null(await Views.ReadByKeysAsync(_golden, known with { Mark = Mark }));

        await Table.UpsertAsync(PersonViewEntity.Resolved(_golden.Value), EntityUpdateMode.Replace);
        Assert.Null(await Views.ReadByKeysAsync(_golden, known));
    }

    [Fact]
    public async Task A_golden_copy_from_before_it_named_its_own_facts_or_naming_a_member_gone_sends_the_rebuild_to_the_range()
    {
        var golden = await Facts.ReadPersonAsync(_golden);
        var view = golden.View!;
        var old = PersonViewEntity.OfGolden(_golden.Value, view.ReadFacts(), view.ReadMembers(), own: [], golden.Key!, golden.WrappedKey!);
        old.Own = null;
        await Table.UpsertAsync(old, EntityUpdateMode.Replace);
        Assert.Null(await Views.ReadByKeysAsync(_golden, KnownRows.None));

        await Views.RefreshAsync(_golden, known: null);
        Assert.NotNull(await Views.ReadByKeysAsync(_golden, KnownRows.None));

        // A split under way: the marker was written whole, then replaced by a rebuild that still saw the member row.
        await Table.DeleteAsync(_golden.PartitionKey, ResolutionRows.Member(_golden.Value, _record.Value));
        Assert.Null(await Views.ReadByKeysAsync(_golden, KnownRows.None));
    }

    // The batch's link of the joining key: its link row, and the golden person's member row under the batch's marker.
    private async Task<KnownRows> LinkJoiningAsync(string mark)
    {
        var link = DecisionRows.NewLink(_joining, _golden, MatchOutcome.Match, LinkDecider.Auto, 0.97, PersonResolver.MatcherName, DateTimeOffset.UtcNow, reason: null);
        await Services.GetRequiredService<PersonResolver>().WriteRowsAsync([link, DecisionRows.NewMember(_golden, _joining)], mark);
        return KnownRows.None with
        {
            Members = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [_golden.Value] = [_joining.Value] },
            Mark = mark,
        };
    }

    // The rows by their keys are the range's, row for row at the same versions, and the views planned from them (their
    // members read as the rebuild reads them) the same as from the ranges of the person and every member.
    private async Task AssertSameAsRangeAsync(PersonRows byKeys, KnownRows known)
    {
        var byRange = await Facts.ReadPersonAsync(_golden);
        Assert.Equal(Describe(byRange), Describe(byKeys));
        Assert.Equal(await PlannedAsync(byRange, known: null), await PlannedAsync(byKeys, known));
    }

    // The views the rebuild writes from the person's rows, by key: what each says; without known, every member by its range.
    private async Task<List<(string PersonKey, string What)>> PlannedAsync(PersonRows person, KnownRows? known)
    {
        var members = await Views.ReadMemberRowsAsync(person, known);
        var (_, writes) = LinkedViews.Plan(_golden, person, members);
        Assert.All(writes.SelectMany(t => t), c => Assert.True(c.Entity is PersonViewEntity or DataKeyEntity, $"{c.Entity.GetType().Name} written"));
        return [.. writes.SelectMany(t => t).Select(c => c.Entity).OfType<PersonViewEntity>().Select(v => (v.PersonKey, Describe(v))).OrderBy(v => v.PersonKey, StringComparer.Ordinal)];
    }

    private long RangesRead() => _requests.ReadShapes().GetValueOrDefault((_hub.Factory.Storage.Facts.Name, PersonRange));
}
