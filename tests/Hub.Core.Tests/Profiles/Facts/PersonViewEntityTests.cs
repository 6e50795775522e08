using Azure.Data.Tables;
using Hub.Core.Profiles;
using Hub.Core.Profiles.Facts;
using Hub.Core.Protection;
using Hub.Core.Storage;
using Hub.Core.Tests.Protection;

namespace Hub.Core.Tests.Profiles.Facts;

public sealed class PersonViewEntityTests
{
    private static readonly string Key = TestFacts.Key.Value;

    private static readonly (DataKey Key, WrappedDataKey Wrapped) DataKey = TestKeys.NewKey(Key);

    [Fact]
    public void A_view_gives_back_the_facts_it_copied_and_the_same_profile()
    {
        var ended = TestFacts.CivilAffairs("dibao", TestFacts.At(2025, 1, 5)) with { EndedAt = TestFacts.At(2026, 2, 1) };
        var unidentified = TestFacts.DisabilityFederation(TestFacts.At(2026, 3, 1)) with { Identified = false, FirstSeenAt = null };
        FactView[] facts = [TestFacts.Police(TestFacts.At(2026, 1, 10)), ended, unidentified];

        var view = PersonViewEntity.Of(Key, facts, DataKey.Key);
        var read = view.ReadFacts();

        Assert.True(view.IsUsable());
        Assert.Equal((TestFacts.Key.PartitionKey, $"{Key}|~view"), (view.PartitionKey, view.RowKey));
        Assert.Equal(facts.Length, read.Count);
        foreach (var fact in facts)
        {
            var copy = Assert.Single(read, f => f.Source == fact.Source);
            Assert.Equal(
                (fact.Discriminator, fact.LastBatch, fact.UpdatedAt, fact.EndedAt, fact.FirstSeenAt, fact.Identified),
                (copy.Discriminator, copy.LastBatch, copy.UpdatedAt, copy.EndedAt, copy.FirstSeenAt, copy.Identified));
            Assert.Equal(fact.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal), copy.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal));
        }

        Assert.Equal(ProfileJson.Serialize(TestFacts.Build(facts)), ProfileJson.Serialize(TestFacts.Build([.. read])));
    }

    [Fact]
    public void The_same_facts_in_any_order_give_the_same_view()
    {
        var police = TestFacts.Police(TestFacts.At(2026, 1, 10));
        var civil = TestFacts.CivilAffairs("dibao", TestFacts.At(2026, 1, 11));
        var reordered = civil with { Attributes = civil.Attributes.Reverse().ToDictionary() };

        Assert.True(PersonViewEntity.Of(Key, [police, civil], DataKey.Key).SameContent(PersonViewEntity.Of(Key, [reordered, police], DataKey.Key)));
        Assert.False(PersonViewEntity.Of(Key, [police, civil], DataKey.Key).SameContent(PersonViewEntity.Of(Key, [police], DataKey.Key)));
    }

    [Fact]
    public void Facts_too_large_for_one_property_leave_a_view_the_reader_passes_by()
    {
        var huge = TestFacts.Police(TestFacts.At(2026, 1, 10), ("residenceAddress", new string('路', PersonViewEntity.MaxFactsLength)));

        var view = PersonViewEntity.Of(Key, [huge], DataKey.Key);

        Assert.False(view.IsUsable());
        Assert.Null(view.Facts);
        Assert.Empty(view.ReadFacts());
    }

    [Fact]
    public void A_marker_is_not_a_copy_and_holds_no_facts()
    {
        var marker = PersonViewEntity.Resolved(Key);

        Assert.True(marker.IsResolved());
        Assert.False(marker.IsUsable());
        Assert.Empty(marker.ReadFacts());
    }

    [Fact]
    public void The_view_row_is_read_as_the_persons_view_not_as_a_fact()
    {
        var view = PersonViewEntity.Of(Key, [TestFacts.Police(TestFacts.At(2026, 1, 10))], DataKey.Key);
        var rows = new[]
        {
            Row(Key + "|police|", ("PersonKey", Key), ("Source", "police"), ("Attributes", "{}")),
            Row(view.RowKey, ("PersonKey", Key), ("Kind", view.Kind), ("Facts", view.Facts!)),
            Row($"{Key}|~key", ("PersonKey", Key), ("KeyId", DataKey.Wrapped.KeyId), ("Wrapped", DataKey.Wrapped.Wrapped)),
        };

        var person = Assert.Single(PersonRows.Group(rows, TestKeys.Ring).Values);

        Assert.Single(person.Facts);
        Assert.NotNull(person.View);
        Assert.True(person.View.SameContent(view));
        Assert.True(person.IsSimple);
    }

    [Fact]
    public void A_simple_person_gets_a_copy_a_linked_one_a_marker_and_a_marker_stays()
    {
        FactView[] facts = [TestFacts.Police(TestFacts.At(2026, 1, 10))];
        var linked = new PersonRows(Key, TestKeys.Ring) { Link = new LinkEntity { PersonKey = Key, Golden = TestFacts.KeyFor("someone else").Value } };

        var maker = new PersonRows(Key, TestKeys.Ring);
        var copy = maker.ViewToWrite(facts);
        var marker = linked.ViewToWrite(facts);

        Assert.True(copy!.IsUsable());
        Assert.True(marker!.IsResolved());
        Assert.Null(Opened(copy!, maker).ViewToWrite(facts));
        Assert.NotNull(Opened(copy!, maker).ViewToWrite([.. facts, TestFacts.CivilAffairs("dibao", TestFacts.At(2026, 1, 11))]));
        Assert.Null(Opened(marker!, maker).ViewToWrite(facts));
        Assert.Null(new PersonRows(Key, TestKeys.Ring).ViewToWrite([]));
    }

    [Fact]
    public void After_a_rotation_the_same_data_key_is_written_again_wrapped_with_the_current_key_and_the_view_stands()
    {
        FactView[] facts = [TestFacts.Police(TestFacts.At(2026, 1, 10))];
        var view = PersonViewEntity.Of(Key, facts, DataKey.Key);
        var rotated = TestKeys.RingWith("k2", ("k1", TestKeys.First), ("k2", TestKeys.Second));

        var person = new PersonRows(Key, rotated) { View = view, KeyRow = DataKeyEntity.Of(Key, DataKey.Wrapped) };
        person.Open();
        var rewrapped = Assert.IsType<DataKeyEntity>(person.KeyToWrite()?.Entity);

        Assert.Equal("k1", DataKey.Wrapped.KeyId);
        Assert.Equal("k2", rewrapped.KeyId);
        Assert.Null(person.ViewToWrite(facts));
        var afterwards = new PersonRows(Key, TestKeys.RingOf(("k2", TestKeys.Second))) { View = view, KeyRow = rewrapped };
        afterwards.Open();
        Assert.Equal(facts[0].Attributes.OrderBy(a => a.Key, StringComparer.Ordinal), afterwards.View!.ReadFacts().Single().Attributes.OrderBy(a => a.Key, StringComparer.Ordinal));
        Assert.Null(afterwards.KeyToWrite());
    }

    [Fact]
    public void A_sealed_view_without_its_data_key_row_is_refused_not_read_as_empty()
    {
        var person = new PersonRows(Key, TestKeys.Ring) { View = PersonViewEntity.Of(Key, [TestFacts.Police(TestFacts.At(2026, 1, 10))], DataKey.Key) };

        Assert.Throws<SealedValueException>(person.Open);
    }

    private static PersonRows Opened(PersonViewEntity view, PersonRows made)
    {
        var person = new PersonRows(Key, TestKeys.Ring) { View = view, KeyRow = made.KeyToWrite()?.Entity as DataKeyEntity };
        person.Open();
        return person;
    }

    private static StoredRow Row(string rowKey, params (string Name, object Value)[] properties)
    {
        var row = new TableEntity(TestFacts.Key.PartitionKey, rowKey);
        foreach (var (name, value) in properties)
        {
            row[name] = value;
        }

        return new StoredRow(row);
    }
}
