using Hub.Core.Kernel;

namespace Hub.Core.Tests.Kernel;

public sealed class HouseholdKeyTests
{
    private const string Address = "北京市朝阳区建外街道光华里社区金台路12号院3号楼2单元1203";

    private static readonly Func<byte[], byte[]> Hash = HouseholdKey.HmacSha256([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    [Fact]
    public void The_household_number_gives_an_h_key_that_does_not_reveal_the_number()
    {
        var key = HouseholdKey.Create("050012345", Address, Hash);

        Assert.NotNull(key);
        Assert.Equal(HouseholdKeyBasis.HouseholdNumber, key.Value.Basis);
        Assert.Matches("^h[0-9a-f]{32}$", key.Value.Value);
        Assert.DoesNotContain("050012345", key.Value.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Spellings_of_one_household_number_give_one_key_and_another_pepper_another_key()
    {
        var key = HouseholdKey.Create("050012345", null, Hash);

        Assert.Equal(key, HouseholdKey.Create("０５００１２３４５", null, Hash));
        Assert.Equal(key, HouseholdKey.Create(" 0500 12345 ", null, Hash));
        Assert.NotEqual(key, HouseholdKey.Create("050012346", null, Hash));
        Assert.NotEqual(key, HouseholdKey.Create("050012345", null, HouseholdKey.HmacSha256([.. Enumerable.Repeat((byte)7, 32)])));
    }

    [Fact]
    public void Without_a_household_number_two_spellings_of_one_registration_address_give_one_key()
    {
        var clerk = HouseholdKey.Create(null, "北京市朝阳区建外街道光华里社区金台路12号院3号楼2单元1203", Hash);
        var other = HouseholdKey.Create("  ", "北京市朝阳区 建外街道光华里社区，金台路１２號院３#楼２單元1203。", Hash);

        Assert.NotNull(clerk);
        Assert.Equal(clerk, other);
        Assert.Equal(HouseholdKeyBasis.RegistrationAddress, clerk.Value.Basis);
        Assert.Matches("^a[0-9a-f]{32}$", clerk.Value.Value);
    }

    [Theory]
    [InlineData("金台路１２號院３#楼", "金台路12号院3号楼")]
    [InlineData("金台路 12 号院 3 号楼（东）", "金台路12号院3号楼东")]
    [InlineData("ａ座１－１２", "A座1-12")]
    [InlineData("A座1—12", "A座1-12")]
    public void Addresses_normalise_to_one_spelling(string written, string normalised)
    {
        Assert.Equal(normalised, HouseholdKey.NormaliseAddress(written));
    }

    [Fact]
    public void Flats_that_differ_only_in_where_the_dash_is_stay_different_households()
    {
        Assert.NotEqual(HouseholdKey.Create(null, "金台路3号院1-12", Hash), HouseholdKey.Create(null, "金台路3号院11-2", Hash));
    }

    [Fact]
    public void A_number_and_an_address_spelt_alike_give_different_keys()
    {
        var byNumber = HouseholdKey.Create("1203", null, Hash)!.Value;
        var byAddress = HouseholdKey.Create(null, "1203", Hash)!.Value;

        Assert.NotEqual(byNumber.Value[1..], byAddress.Value[1..]);
    }

    [Fact]
    public void Without_a_number_or_an_address_there_is_no_household_key()
    {
        Assert.Null(HouseholdKey.Create(null, null, Hash));
        Assert.Null(HouseholdKey.Create("", " ，。 ", Hash));
    }

    [Fact]
    public void A_stored_key_parses_back_and_anything_else_is_refused()
    {
        var key = HouseholdKey.Create("050012345", null, Hash)!.Value;

        Assert.Equal(key, HouseholdKey.Parse(key.Value));
        Assert.False(HouseholdKey.TryParse("x" + key.Value[1..], out _));
        Assert.False(HouseholdKey.TryParse(key.Value.ToUpperInvariant(), out _));
        Assert.False(HouseholdKey.TryParse(key.Value[..^1], out _));
        Assert.False(HouseholdKey.TryParse(null, out _));
        Assert.Throws<FormatException>(() => HouseholdKey.Parse("050012345"));
    }

    [Fact]
    public void A_short_pepper_is_refused()
    {
        Assert.Throws<ArgumentException>(() => HouseholdKey.HmacSha256(new byte[8]));
    }
}
