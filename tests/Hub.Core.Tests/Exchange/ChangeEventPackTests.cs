using System.Globalization;
using Hub.Core.Access;
using Hub.Core.Exchange;
using Hub.Core.Kernel;
using Hub.Core.Protection;
using Hub.Core.Tests.Protection;

namespace Hub.Core.Tests.Exchange;

public sealed class ChangeEventPackTests
{
    private static readonly DerivedSeal Values = new(TestKeys.Ring, "event-values");

    [Fact]
    public void A_packed_event_reads_back_as_the_same_event_at_its_place_with_its_values_sealed()
    {
        var change = Event(7) with
        {
            Group = GroupId.Dibao,
            Groups = [GroupId.Dibao],
            Reason = ChangeEvent.EndedByDeath,
            EffectiveDateStated = true,
            ResidenceBefore = new DivisionPlace(DivisionCode.Parse("110105001001"), GridCode.Parse("G01")),
            ResidenceAfter = new DivisionPlace(DivisionCode.Parse("110105002001")),
            LinkedKey = Key(8),
        };
        var published = DateTimeOffset.Parse("2026-12-06T10:00:00Z", CultureInfo.InvariantCulture);

        var json = ChangeEventPackEntity.Serialize(PackedChangeEvent.Of(change, Values));
        var read = Assert.Single(ChangeEventPackEntity.Read("[" + json + "]"))!.ToEvent(Values, 1234, published);

        Assert.DoesNotContain("personStatus", json, StringComparison.Ordinal);
        Assert.Equivalent(change with { Sequence = 1234, PublishedAt = published }, read, strict: true);
    }

    [Fact]
    public void Runs_never_cross_a_slot_and_stay_within_a_string_property()
    {
        var small = Enumerable.Range(0, 130).Select(i => Packed(i, 100)).ToList();
        var large = Enumerable.Range(0, 40).Select(i => Packed(i, 5_000)).ToList();

        var smallRuns = ChangeEventPackEntity.Runs(small, start: 37, slot: 50).Select(r => r.Count).ToList();
        var largeRuns = ChangeEventPackEntity.Runs(large, start: 0, slot: 50).ToList();

        // From 37: the 13 left of the first slot, two full slots, then the rest.
        Assert.Equal([13, 50, 50, 17], smallRuns);
        Assert.All(largeRuns, r => Assert.True(2 + r.Sum(e => e.Json.Length + 1) - 1 <= ChangeEventPackEntity.MaxEventsLength));
        Assert.Equal(40, largeRuns.Sum(r => r.Count));
        Assert.True(largeRuns.Count >= 7, $"{largeRuns.Count} runs");
    }

    [Fact]
    public void The_same_events_stage_to_the_same_row_and_other_events_to_another()
    {
        var events = Enumerable.Range(0, 5).Select(i => PackedChangeEvent.Of(Event(i), Values)).ToList();

        var row = ChangeEventPackEntity.StagedRow(events);

        Assert.Equal(row, ChangeEventPackEntity.StagedRow(events.Select(e => e with { })));
        Assert.NotEqual(row, ChangeEventPackEntity.StagedRow(events.Take(4)));
    }

    [Fact]
    public void A_pack_names_the_persons_of_its_events_and_holds_a_blank_where_one_was_erased()
    {
        var first = PackedChangeEvent.Of(Event(1), Values);
        var linked = PackedChangeEvent.Of(Event(2) with { LinkedKey = Key(3) }, Values);

        var pack = ChangeEventPackEntity.Of("f000000000000", "000000000000000", [(first, ChangeEventPackEntity.Serialize(first)), (null, ChangeEventPackEntity.Serialize(null)), (linked, ChangeEventPackEntity.Serialize(linked))], 0, DateTimeOffset.UnixEpoch);

        Assert.Equal($"{Key(1)} {Key(2)} {Key(3)}", pack.Persons);
        Assert.Equal(3, pack.Count);
        Assert.Equal([first.Id, null, linked.Id], ChangeEventPackEntity.Read(pack.Events).Select(e => e?.Id));
    }

    private static (PackedChangeEvent? Event, string Json) Packed(int index, int length) =>
        (PackedChangeEvent.Of(Event(index), Values), new string('x', length));

    private static string Key(int index) => string.Create(CultureInfo.InvariantCulture, $"{index:x32}");

    private static ChangeEvent Event(int index)
    {
        var person = PersonKey.Parse(Key(index));
        AttributeChange[] changes = [new("personStatus", "police", "active", "deceased")];
        return new ChangeEvent
        {
            Id = ChangeEvent.StableId(person, ChangeEventType.PersonDeceased, null, changes, null),
            Type = ChangeEventType.PersonDeceased,
            PersonKey = person,
            Source = "police",
            BatchId = "20261206010102-complete",
            EffectiveDate = new DateOnly(2026, 11, 1),
            Changes = changes,
        };
    }
}
