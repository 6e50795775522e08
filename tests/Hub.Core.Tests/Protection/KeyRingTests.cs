using Hub.Core.Protection;
using Microsoft.Extensions.Options;

namespace Hub.Core.Tests.Protection;

public sealed class KeyRingTests
{
    private const string Owner = "person-a";

    [Fact]
    public void A_value_sealed_with_a_persons_key_opens_only_with_that_key_in_that_place()
    {
        var (key, _) = TestKeys.NewKey(Owner);
        var (other, _) = TestKeys.NewKey("person-b");

        var box = key.Seal("110105199001011234", "row-1|Sealed");

        Assert.DoesNotContain("110105199001011234", box, StringComparison.Ordinal);
        Assert.Equal("110105199001011234", key.Open(box, "row-1|Sealed"));
        Assert.Throws<SealedValueException>(() => key.Open(box, "row-2|Sealed"));
        Assert.Throws<SealedValueException>(() => other.Open(box, "row-1|Sealed"));
    }

    [Fact]
    public void The_same_value_sealed_twice_gives_two_different_boxes()
    {
        var (key, _) = TestKeys.NewKey(Owner);

        Assert.NotEqual(key.Seal("一级", "ctx"), key.Seal("一级", "ctx"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all")]
    [InlineData("AAAA")]
    public void A_malformed_box_is_refused_without_its_text_in_the_message(string box)
    {
        var (key, _) = TestKeys.NewKey(Owner);

        var error = Assert.Throws<SealedValueException>(() => key.Open(box, "ctx"));

        if (box.Length > 0)
        {
            Assert.DoesNotContain(box, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_changed_byte_is_found_out()
    {
        var (key, _) = TestKeys.NewKey(Owner);
        var bytes = Convert.FromBase64String(key.Seal("三级", "ctx"));
        bytes[^1] ^= 1;

        Assert.Throws<SealedValueException>(() => key.Open(Convert.ToBase64String(bytes), "ctx"));
    }

    [Fact]
    public void A_data_key_wrapped_for_one_person_does_not_unwrap_for_another()
    {
        var wrapped = TestKeys.Ring.NewDataKey(Owner);

        Assert.Throws<SealedValueException>(() => TestKeys.Ring.Unwrap("person-b", wrapped));
    }

    [Fact]
    public void After_rotation_old_values_open_and_a_rewrapped_key_needs_only_the_new_key()
    {
        var before = TestKeys.RingOf(("k1", TestKeys.First));
        var wrapped = before.NewDataKey(Owner);
        var box = before.Unwrap(Owner, wrapped).Seal("四级", "ctx");
        var during = TestKeys.RingWith("k2", ("k1", TestKeys.First), ("k2", TestKeys.Second));

        var rewrapped = during.Rewrap(Owner, wrapped);
        var after = TestKeys.RingOf(("k2", TestKeys.Second));

        Assert.Equal("k1", wrapped.KeyId);
        Assert.Equal("四级", during.Unwrap(Owner, wrapped).Open(box, "ctx"));
        Assert.Equal("k2", rewrapped.KeyId);
        Assert.Equal("四级", after.Unwrap(Owner, rewrapped).Open(box, "ctx"));
        Assert.Throws<SealedValueException>(() => after.Unwrap(Owner, wrapped));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("k1", "too short")]
    [InlineData("k 1", "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=")]
    [InlineData("k2", "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=")]
    public void A_missing_or_malformed_key_ring_is_refused_with_the_setting_named(string? id, string? key)
    {
        var options = new ProtectionOptions { CurrentKey = "k1" };
        if (id is not null)
        {
            options.Keys[id] = key!;
        }

        var result = new ProtectionOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(ProtectionOptions.SectionName, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("AQIDBAUG", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_well_formed_key_ring_is_taken()
    {
        var options = new ProtectionOptions { CurrentKey = "k1", Keys = { ["k1"] = TestKeys.First } };

        Assert.True(new ProtectionOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal("k1", new KeyRing(Options.Create(options)).CurrentKey);
    }
}
