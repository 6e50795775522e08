using System.Text;
using Azure.Core.Cryptography;
using Hub.Core.Protection;

namespace Hub.Core.Tests.Protection;

public sealed class DerivedSealTests
{
    private const string Records = """[{"name":"张三","residentId":"110105199001011234"}]""";

    [Fact]
    public void The_same_value_in_the_same_place_seals_to_the_same_text_so_an_unchanged_row_is_seen_unchanged()
    {
        var seal = new DerivedSeal(TestKeys.Ring, "match-records");

        var box = seal.Seal(Records, "person-a");

        Assert.Equal(box, seal.Seal(Records, "person-a"));
        Assert.DoesNotContain("110105199001011234", box, StringComparison.Ordinal);
        Assert.StartsWith("k1.", box, StringComparison.Ordinal);
        Assert.True(DerivedSeal.IsSealed(box));
        Assert.Equal(Records, seal.Open(box, "person-a"));
    }

    [Fact]
    public void Another_place_another_value_or_another_purpose_gives_another_box_and_a_box_opens_only_where_it_was_sealed()
    {
        var seal = new DerivedSeal(TestKeys.Ring, "match-records");
        var box = seal.Seal(Records, "person-a");

        Assert.NotEqual(box, seal.Seal(Records, "person-b"));
        Assert.NotEqual(box, seal.Seal(Records + " ", "person-a"));
        Assert.NotEqual(box, new DerivedSeal(TestKeys.Ring, "event-values").Seal(Records, "person-a"));
        Assert.Throws<SealedValueException>(() => seal.Open(box, "person-b"));
        Assert.Throws<SealedValueException>(() => new DerivedSeal(TestKeys.Ring, "event-values").Open(box, "person-a"));
    }

    [Fact]
    public void After_a_rotation_new_boxes_name_the_new_key_and_old_boxes_open_while_the_old_key_is_configured()
    {
        var before = new DerivedSeal(TestKeys.RingOf(("k1", TestKeys.First)), "match-records").Seal(Records, "person-a");
        var rotated = new DerivedSeal(TestKeys.RingOf(("k1", TestKeys.First), ("k2", TestKeys.Second)), "match-records");
        var retired = new DerivedSeal(TestKeys.RingOf(("k2", TestKeys.Second)), "match-records");

        Assert.StartsWith("k2.", rotated.Seal(Records, "person-a"), StringComparison.Ordinal);
        Assert.Equal(Records, rotated.Open(before, "person-a"));
        var error = Assert.Throws<SealedValueException>(() => retired.Open(before, "person-a"));
        Assert.DoesNotContain("110105", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Records)]
    [InlineData("[]")]
    [InlineData("")]
    [InlineData(null)]
    public void A_copy_written_before_sealing_is_told_apart_from_a_box(string? stored) =>
        Assert.False(DerivedSeal.IsSealed(stored));

    [Fact]
    public void A_files_content_key_is_wrapped_by_the_current_key_and_unwrapped_through_the_resolver_after_a_rotation()
    {
        var before = BlobKeyEncryptionKey.Current(TestKeys.RingOf(("k1", TestKeys.First)));
        var rotated = TestKeys.RingOf(("k1", TestKeys.First), ("k2", TestKeys.Second));
        var after = BlobKeyEncryptionKey.Current(rotated);
        var contentKey = Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef");

        var wrapped = before.WrapKey(BlobKeyEncryptionKey.Algorithm, contentKey);
        IKeyEncryptionKey resolved = BlobKeyEncryptionKey.Resolver(rotated).Resolve(before.KeyId);

        Assert.Equal("k2", after.KeyId);
        Assert.Equal(contentKey, resolved.UnwrapKey(BlobKeyEncryptionKey.Algorithm, wrapped));
        Assert.Throws<SealedValueException>(() => after.UnwrapKey(BlobKeyEncryptionKey.Algorithm, wrapped));
        Assert.Throws<SealedValueException>(() => BlobKeyEncryptionKey.Resolver(rotated).Resolve("k9"));
    }
}
