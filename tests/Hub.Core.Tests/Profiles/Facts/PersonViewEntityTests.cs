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

        var view = PersonViewEntity.Of(Key, facts, DataKey.Key, DataKey.Wrapped);
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

        Assert.True(PersonViewEntity.Of(Key, [police, civil], DataKey.Key, DataKey.Wrapped).SameContent(PersonViewEntity.Of(Key, [reordered, police], DataKey.Key, DataKey.Wrapped)));
        Assert.False(PersonViewEntity.Of(Key, [police, civil], DataKey.Key, DataKey.Wrapped).SameContent(PersonViewEntity.Of(Key, [police], DataKey.Key, DataKey.Wrapped)));
    }

    [Fact]
    public void Facts_too_large_for_one_property_leave_a_view_the_reader_passes_by()
    {
        var huge = TestFacts.Police(TestFacts.At(2026, 1, 10), ("residenceAddress", new string('路', PersonViewEntity.MaxFactsLength)));

        var view = PersonViewEntity.Of(Key, [huge], DataKey.Key, DataKey.Wrapped);

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
        var view = PersonViewEntity.Of(Key, [TestFacts.Police(TestFacts.At(2026, 1, 10))], DataKey.Key, DataKey.Wrapped);
        var rows = new[]
        {
            Row(Key + "|police|", ("PersonKey", Key), ("Source", "police"), ("Attributes", "{}")),
            Row(view.RowKey, ("PersonKey", Key), ("Kind", view.Kind), ("Facts", view.Facts!), ("KeyId", view.KeyId!), ("Wrapped", view.Wrapped!)),
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
    public void After_a_rotation_the_same_data_key_is_written_again_wrapped_with_the_current_key_and_the_views_copy_with_it()
    {
        FactView[] facts = [TestFacts.Police(TestFacts.At(2026, 1, 10))];
        var view = PersonViewEntity.Of(Key, facts, DataKey.Key, DataKey.Wrapped);
        var rotated = TestKeys.RingWith("k2", ("k1", TestKeys.First), ("k2", TestKeys.Second));

        var person = new PersonRows(Key, rotated) { View = view, KeyRow = DataKeyEntity.Of(Key, DataKey.Wrapped) };
        person.Open();
        var rewrapped = Assert.IsType<DataKeyEntity>(person.KeyToWrite()?.Entity);
        var rewritten = person.ViewToWrite(facts);

        Assert.Equal("k1", DataKey.Wrapped.KeyId);
        Assert.Equal("k2", rewrapped.KeyId);
        Assert.Equal(rewrapped.ToWrapped(), rewritten?.CarriedKey());
        Assert.Equal(view.ReadFacts().Single().Attributes, rewritten!.ReadFacts().Single().Attributes);
        var afterwards = new PersonRows(Key, TestKeys.RingOf(("k2", TestKeys.Second))) { View = view, KeyRow = rewrapped };
        afterwards.Open();
        Assert.Equal(facts[0].Attributes.OrderBy(a => a.Key, StringComparer.Ordinal), afterwards.View!.ReadFacts().Single().Attributes.OrderBy(a => a.Key, StringComparer.Ordinal));
        Assert.Null(afterwards.KeyToWrite());
    }

    [Fact]
    public void A_sealed_copy_carries_the_data_key_it_is_sealed_with_and_a_marker_or_a_row_too_large_carries_none()
    {
        FactView[] facts = [TestFacts.Police(TestFacts.At(2026, 1, 10))];
        var huge = TestFacts.Police(TestFacts.At(2026, 1, 10), ("residenceAddress", new string('路', PersonViewEntity.MaxFactsLength)));
        var view = PersonViewEntity.Of(Key, facts, DataKey.Key, DataKey.Wrapped);
        var rewrapped = TestKeys.RingWith("k2", ("k1", TestKeys.First), ("k2", TestKeys.Second)).Rewrap(Key, DataKey.Wrapped);

        Assert.Equal(DataKey.Wrapped, view.CarriedKey());
        Assert.False(view.SameContent(PersonViewEntity.Of(Key, facts, DataKey.Key, rewrapped)));
        Assert.Null(PersonViewEntity.Of(Key, [huge], DataKey.Key, DataKey.Wrapped).CarriedKey());
        Assert.Null(PersonViewEntity.Resolved(Key).CarriedKey());
        Assert.Null(PersonViewEntity.LinkedTo(Key, TestFacts.KeyFor("someone else").Value).CarriedKey());
    }

    [Fact]
    public void A_view_not_written_anew_after_a_rotation_has_only_its_copy_of_the_key_rewrapped_guarded_by_its_version()
    {
        var stored = new PersonViewEntity { PartitionKey = TestFacts.Key.PartitionKey, RowKey = $"{Key}|~view", Version = new EntityVersion("W/\"1\"") };
        var copy = PersonViewEntity.Of(Key, [TestFacts.Police(TestFacts.At(2026, 1, 10))], DataKey.Key, DataKey.Wrapped);
        (stored.PersonKey, stored.Kind, stored.Facts, stored.KeyId, stored.Wrapped) = (Key, copy.Kind, copy.Facts, copy.KeyId, copy.Wrapped);
        var unrotated = new PersonRows(Key, TestKeys.Ring) { View = stored, KeyRow = DataKeyEntity.Of(Key, DataKey.Wrapped) };
        var rotated = new PersonRows(Key, TestKeys.RingWith("k2", ("k1", TestKeys.First), ("k2", TestKeys.Second))) { View = stored, KeyRow = DataKeyEntity.Of(Key, DataKey.Wrapped) };
        unrotated.Open();
        rotated.Open();

        var change = rotated.CarriedKeyToWrite();

        Assert.Null(unrotated.CarriedKeyToWrite());
        Assert.NotNull(change);
        Assert.Equal(stored.Version, change.Version);
        Assert.Equal((stored.PartitionKey, stored.RowKey), (change.Entity.PartitionKey, change.Entity.RowKey));
        var columns = Assert.IsType<TableEntity>(change.Action.Entity);
        Assert.Equal((rotated.WrappedKey!.KeyId, rotated.WrappedKey.Wrapped), (columns.GetString("KeyId"), columns.GetString("Wrapped")));
        Assert.Equal(["KeyId", "PartitionKey", "RowKey", "Wrapped"], columns.Keys.Where(k => k != "odata.etag").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_view_added_beside_a_stored_key_row_writes_that_row_again_under_the_version_read()
    {
        FactView[] facts = [TestFacts.Police(TestFacts.At(2026, 1, 10))];
        var keyRow = DataKeyEntity.Of(Key, DataKey.Wrapped);
        keyRow.Version = new EntityVersion("W/\"1\"");
        var person = new PersonRows(Key, TestKeys.Ring) { KeyRow = keyRow };
        person.Open();
        Assert.Null(person.KeyToWrite());

        var view = person.ViewToWrite(facts);
        var guard = person.KeyToWrite();

        Assert.Equal(DataKey.Wrapped, view?.CarriedKey());
        Assert.Equal(keyRow.Version, guard?.Version);
        Assert.Equal(DataKey.Wrapped, Assert.IsType<DataKeyEntity>(guard!.Entity).ToWrapped());
    }

    [Fact]
    public void A_sealed_view_without_its_data_key_row_is_refused_not_read_as_empty()
    {
        var person = new PersonRows(Key, TestKeys.Ring) { View = PersonViewEntity.Of(Key, [TestFacts.Police(TestFacts.At(2026, 1, 10))], DataKey.Key, DataKey.Wrapped) };

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
