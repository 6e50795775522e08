using Hub.Core.Feeds;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Sources;
using Hub.Core.Identity.Keys;
using Hub.Core.Identity.Rotation;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Tests.Shared;
using Microsoft.Extensions.Options;

namespace Hub.Core.Tests.Identity.Rotation;

public sealed class RotatedKeysTests
{
    private static readonly string Old = Convert.ToBase64String([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
    private static readonly string New = Convert.ToBase64String([.. Enumerable.Range(101, 32).Select(i => (byte)i)]);
    private static readonly SourceCatalog Sources = SourceCatalog.Load(ShippedFiles.SourcesFolder);

    private readonly PersonKeyHasher _before = Hasher(Old, retired: null);
    private readonly PersonKeyHasher _during = Hasher(New, retired: Old);

    private RotatedKeys Keys => new(_during, _during.Retired!, Sources);

    [Fact]
    public void An_identified_persons_key_becomes_the_key_the_new_pepper_gives_their_id_number()
    {
        var id = ResidentId.Parse(IdNumbers.Complete("11010519500101003"));
        var stored = _before.Hash(id);

        var moved = Keys.NewKeyOf(stored, [Fact("police", "", id.Value, identified: true)]);

        Assert.Equal(_during.Hash(id), moved);
        Assert.NotEqual(stored, moved);
    }

    [Fact]
    public void A_record_kept_without_an_id_gets_the_key_a_feed_would_give_it_under_the_new_pepper()
    {
        Assert.True(Sources.TryGet("civil-affairs", out var mapping));
        var attributes = new Dictionary<string, string> { ["name"] = "王芳", ["birthDate"] = "1950-01-01" };
        var record = new NormalisedRecord(7, null, "r-17", attributes);
        var stored = UnidentifiedIdentity.KeyOf(_before, mapping, record);

        var moved = Keys.NewKeyOf(stored, [new FactView(mapping.SourceId.Value, "r-17", attributes, "b", default, null, default, Identified: false)]);

        Assert.Equal(UnidentifiedIdentity.KeyOf(_during, mapping, record), moved);
    }

    [Fact]
    public void A_key_already_made_with_the_new_pepper_is_not_moved_again()
    {
        var id = ResidentId.Parse(IdNumbers.Complete("11010519500101005"));

        Assert.Null(Keys.NewKeyOf(_during.Hash(id), [Fact("police", "", id.Value, identified: true)]));
    }

    [Fact]
    public void A_key_without_facts_moves_to_a_stable_key_that_links_to_nothing()
    {
        var stored = _before.Hash(ResidentId.Parse(IdNumbers.Complete("11010519500101007")));

        Assert.Equal(Keys.NewKeyOfBare(stored), Keys.NewKeyOfBare(stored));
        Assert.NotEqual(stored, Keys.NewKeyOfBare(stored));
    }

    private static FactView Fact(string source, string discriminator, string residentId, bool identified) =>
        new(source, discriminator, new Dictionary<string, string> { ["residentId"] = residentId, ["name"] = "李强" }, "b", default, null, default, identified);

    private static PersonKeyHasher Hasher(string pepper, string? retired) =>
        new(Options.Create(new PersonKeyOptions { Pepper = pepper, RetiredPepper = retired }));
}
