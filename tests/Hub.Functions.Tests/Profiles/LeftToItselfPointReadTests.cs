using Hub.Core.Identity.Matching;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Core.Profiles.Facts;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Resolution;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Functions.Tests.Profiles.RowDescriptions;
using static Hub.Functions.Tests.Resolution.ResolutionFeeds;

namespace Hub.Functions.Tests.Profiles;

/// <summary>
/// A record kept without an ID that the matcher leaves to itself gets its link under the batch's own marker, over the
/// copy of its facts its merge wrote, and the view written after it is read by its keys. Those rows, and the view they
/// give, must be the range's; a marker of another writer, a marker written whole, or facts the batch merged under a
/// marker send the rebuild to the range.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class LeftToItselfPointReadTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string Registered = Id("11010519800512031");

    // Nobody the police register holds: a different name, birth date and ID number.
    private static readonly byte[] Stranger = CivilAffairs(WithWrongCheck(Id("11010519900101052")), "赵雪", "女", "1990-01-01");

    private readonly TableRequestLog _requests = new();
    private ResolutionHub _hub = null!;

    private IServiceProvider Services => _hub.Factory.Services;

    private FactStore Facts => Services.GetRequiredService<FactStore>();

    private LinkedViews Views => Services.GetRequiredService<LinkedViews>();

    /// <summary>A police register the civil-affairs record matches nobody in.</summary>
    public async Task InitializeAsync()
    {
        _hub = new ResolutionHub(azurite, testServices: services => _requests.AddTo(services, azurite.ConnectionString));
        await _hub.PushAsync("police", Police(new PoliceRow(Registered, "陈明", "男")));
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_batch_writes_the_view_of_a_record_it_left_to_itself_without_reading_a_range()
    {
        var before = RangesRead();

        await _hub.PushAsync("civil-affairs", Stranger);

        Assert.Equal(before, RangesRead());
        var record = PersonKey.Parse(await _hub.UnidentifiedKeyAsync("civil-affairs"));
        var rows = await Facts.ReadPersonAsync(record);
        Assert.Equal(record.Value, rows.Link?.Golden);
        var view = (await Facts.ReadViewAsync(record))!;
        Assert.True(view.IsOwnCopy());
        Assert.Equal(Describe(PersonViewEntity.Of(record.Value, rows.Facts.Select(f => f.ToView()), rows.Key!, rows.WrappedKey!)), Describe(view));
    }

    [Fact]
    public async Task Under_the_batchs_own_marker_the_rows_by_their_keys_and_the_view_they_give_are_the_ranges()
    {
        var record = await LeftToItselfAsync();
        var known = KnownRows.None with { Mark = Mark };

        var byKeys = await Views.ReadByKeysAsync(record, known);

        Assert.NotNull(byKeys);
        var byRange = await Facts.ReadPersonAsync(record);
        Assert.True(byRange.View!.IsResolved());
        Assert.NotEmpty(byKeys.Facts);
        Assert.Equal(Describe(byRange), Describe(byKeys));
        Assert.Equal(Planned(record, byRange), Planned(record, byKeys));

        var before = RangesRead();
        await Views.RefreshAsync(record, known);
        Assert.Equal(before, RangesRead());
        Assert.Equal(Assert.Single(Planned(record, byRange)), Describe((await Facts.ReadViewAsync(record))!));
    }

    [Fact]
    public async Task Another_writers_marker_a_marker_written_whole_or_facts_merged_under_a_marker_send_the_rebuild_to_the_range()
    {
        var record = await LeftToItselfAsync();
        var known = KnownRows.None with { Mark = Mark };
        Assert.NotNull(await Views.ReadByKeysAsync(record, known));
        Assert.Null(await Views.ReadByKeysAsync(record, known with { Mark = "fedcba9876543210" }));
        Assert.Null(await Views.ReadByKeysAsync(record, known with { OwnChanged = new HashSet<string>([record.Value], StringComparer.Ordinal) }));

        // The same link written by a writer without a pass of its own (a steward, the provisional matcher): a marker written whole.
        await Services.GetRequiredService<PersonResolver>().WriteRowsAsync([SelfLink(record)]);
        Assert.Null(await Views.ReadByKeysAsync(record, known));
        Assert.Null((await Facts.ReadPersonAsync(record)).View!.HeldRows(mark: null));
    }

    // The record pushed and left to itself, its view then written over again by a pass of the batch's mark: its link
    // to itself with a marker that leaves the copy under it, as the matcher writes it.
    private async Task<PersonKey> LeftToItselfAsync()
    {
        await _hub.PushAsync("civil-affairs", Stranger);
        var record = PersonKey.Parse(await _hub.UnidentifiedKeyAsync("civil-affairs"));
        Assert.True((await Facts.ReadViewAsync(record))!.IsOwnCopy());
        await Services.GetRequiredService<PersonResolver>().WriteRowsAsync([SelfLink(record)], Mark);
        return record;
    }

    private static LinkEntity SelfLink(PersonKey record) =>
        DecisionRows.NewLink(record, record, MatchOutcome.NoMatch, LinkDecider.Auto, score: null, PersonResolver.MatcherName, DateTimeOffset.UtcNow, reason: null);

    // The views the rebuild writes from the record's rows: what each says.
    private static List<string> Planned(PersonKey record, PersonRows rows) =>
        [.. LinkedViews.Plan(record, rows, []).Writes.SelectMany(t => t).Select(c => c.Entity).OfType<PersonViewEntity>().Select(Describe)];

    private long RangesRead() => _requests.ReadShapes().GetValueOrDefault((_hub.Factory.Storage.Facts.Name, PersonRange));
}
