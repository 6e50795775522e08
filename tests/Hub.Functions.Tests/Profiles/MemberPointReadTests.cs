using System.Text.Json;
using Hub.Core.Identity.Matching;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
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
/// The rebuild of a golden person reads a member linked in an earlier batch by the rows the golden person's view names
/// for it (its link, view and data key, and each member copy's row under its key) where that view is proven current.
/// Those rows, and the views written from them, must be the member's range's; a member the batch's merge changed, one the
/// view does not name, a view under another writer's marker or one written whole, or a copy with more member facts than
/// point reads pay for sends the rebuild to the member's range.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class MemberPointReadTests(AzuriteFixture azurite) : IAsyncLifetime
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

    /// <summary>A police person with a civil-affairs record kept without an ID linked to them by an earlier batch.</summary>
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
    public async Task A_member_linked_in_an_earlier_batch_is_read_by_the_rows_the_golden_persons_copy_names_the_same_as_its_range()
    {
        var golden = await Facts.ReadPersonAsync(_golden);
        Assert.Equal([_record.Value], LinkedViews.MemberCopies(golden, KnownRows.None).Keys);
        var before = RangesRead();

        var byKeys = Assert.Single(await Views.ReadMemberRowsAsync(golden, KnownRows.None));

        Assert.Equal(before, RangesRead());
        Assert.NotEmpty(byKeys.Facts);
        Assert.Equal(Describe(await Facts.ReadPersonAsync(_record)), Describe(byKeys));
        var (fromRanges, _) = LinkedViews.Plan(_golden, golden, await Views.ReadMemberRowsAsync(golden));
        var (fromKeys, _) = LinkedViews.Plan(_golden, golden, [byKeys]);
        Assert.Equal(JsonSerializer.Serialize(fromRanges), JsonSerializer.Serialize(fromKeys));
    }

    [Fact]
    public async Task The_rebuild_under_the_batchs_own_marker_reads_no_range_for_a_member_from_an_earlier_batch_and_writes_what_the_ranges_give()
    {
        // Only the key the batch linked is known to it; the member from the earlier batch is the golden person's copy's to name.
        var known = await LinkJoiningAsync() with
        {
            Facts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                [_joining.Value] = [.. (await Facts.ReadPersonAsync(_joining)).Facts.Select(f => f.RowKey)],
            },
        };
        var fromRanges = await PlannedAsync(await Facts.ReadPersonAsync(_golden), known: null);
        var before = RangesRead();

        await Views.RefreshAsync(_golden, known);

        Assert.Equal(before, RangesRead());
        Assert.Equal([.. new[] { _golden.Value, _joining.Value }.Order(StringComparer.Ordinal)], fromRanges.Select(v => v.PersonKey));
        foreach (var (personKey, what) in fromRanges)
        {
            Assert.Equal(what, Describe((await Facts.ReadViewAsync(PersonKey.Parse(personKey)))!));
        }

        Assert.Contains((await Facts.ReadViewAsync(_golden))!.ReadFacts(), f => f.Source == "civil-affairs");
    }

    [Fact]
    public async Task A_member_the_batch_merged_or_the_view_does_not_name_or_a_view_not_proven_current_sends_the_rebuild_to_the_members_range()
    {
        var golden = await Facts.ReadPersonAsync(_golden);
        Assert.Empty(LinkedViews.MemberCopies(golden, KnownRows.None with { OwnChanged = new HashSet<string>([_record.Value], StringComparer.Ordinal) }));

        // The key the batch linked is not in the copy under its marker; the member from before is.
        var known = await LinkJoiningAsync();
        golden = await Facts.ReadPersonAsync(_golden);
        Assert.Equal([_record.Value], LinkedViews.MemberCopies(golden, known).Keys);
        Assert.Empty(LinkedViews.MemberCopies(golden, known with { Mark = "fedcba9876543210" }));

        // A marker written whole: the copy is gone, and both members are read by their ranges.
        await _hub.Factory.Storage.FactsTable.UpsertAsync(PersonViewEntity.Resolved(_golden.Value), EntityUpdateMode.Replace);
        golden = await Facts.ReadPersonAsync(_golden);
        Assert.Empty(LinkedViews.MemberCopies(golden, known));
        var before = RangesRead();
        Assert.Equal(2, (await Views.ReadMemberRowsAsync(golden, known)).Count);
        Assert.Equal(before + 2, RangesRead());
    }

    [Fact]
    public async Task A_copy_with_more_member_facts_than_point_reads_pay_for_sends_the_member_to_its_range()
    {
        var person = await Facts.ReadPersonAsync(_golden);
        var view = person.View!;

        async Task<IEnumerable<string>> ReadableWithAsync(int filler)
        {
            var others = Enumerable.Range(0, filler)
                .Select(i => new FactView("civil-affairs", $"filler-{i}", new Dictionary<string, string>(), "batch", DateTimeOffset.UnixEpoch, EndedAt: null, DateTimeOffset.UnixEpoch));
            var copy = PersonViewEntity.OfGolden(_golden.Value, [.. view.ReadFacts(), .. others], view.ReadMembers(), person.Facts.Select(f => f.RowKey), person.Key!, person.WrappedKey!);
            Assert.True(copy.IsUsable());
            await _hub.Factory.Storage.FactsTable.UpsertAsync(copy, EntityUpdateMode.Replace);
            return LinkedViews.MemberCopies(await Facts.ReadPersonAsync(_golden), KnownRows.None).Keys;
        }

        // The member's own copy and the filler: one read a copy up to the limit, the range past it.
        Assert.Equal([_record.Value], await ReadableWithAsync(LinkedViews.MaxCopyReads - 1));
        Assert.Empty(await ReadableWithAsync(LinkedViews.MaxCopyReads));
    }

    // The batch's link of the joining key: its link row, and the golden person's member row under the batch's marker.
    private async Task<KnownRows> LinkJoiningAsync()
    {
        var link = DecisionRows.NewLink(_joining, _golden, MatchOutcome.Match, LinkDecider.Auto, 0.97, PersonResolver.MatcherName, DateTimeOffset.UtcNow, reason: null);
        await Services.GetRequiredService<PersonResolver>().WriteRowsAsync([link, DecisionRows.NewMember(_golden, _joining)], Mark);
        return KnownRows.None with
        {
            Members = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [_golden.Value] = [_joining.Value] },
            Mark = Mark,
        };
    }

    // The views the rebuild writes from the golden person's rows and their members' (without known, each by its range).
    private async Task<List<(string PersonKey, string What)>> PlannedAsync(PersonRows golden, KnownRows? known)
    {
        var (_, writes) = LinkedViews.Plan(_golden, golden, await Views.ReadMemberRowsAsync(golden, known));
        return [.. writes.SelectMany(t => t).Select(c => c.Entity).OfType<PersonViewEntity>().Select(v => (v.PersonKey, Describe(v))).OrderBy(v => v.PersonKey, StringComparer.Ordinal)];
    }

    private long RangesRead() => _requests.ReadShapes().GetValueOrDefault((_hub.Factory.Storage.Facts.Name, PersonRange));
}
