using Hub.Core.Kernel;
using static Hub.Core.Tests.Profiles.TestFacts;

namespace Hub.Core.Tests.Profiles;

public sealed class ProfileHouseholdTests
{
    private static readonly Func<byte[], byte[]> Hash = HouseholdKey.HmacSha256(ShippedRules.Pepper);

    [Fact]
    public void Profiles_take_the_household_from_the_register_number()
    {
        var profile = Build(Police(At(2026, 1, 10)), CivilAffairs("dibao", At(2026, 2, 1)));

        Assert.Equal(HouseholdKey.Create("050012345", null, Hash), profile.HouseholdKey);
        Assert.Equal("head", profile.RelationToHead);
    }

    [Fact]
    public void Profiles_without_a_household_number_share_a_household_when_their_registration_addresses_normalise_alike()
    {
        var builder = ShippedRules.Builder();
        var mother = builder.Build(Key, [Police(At(2026, 1, 10), ("householdNumber", null))], June30);
        var son = builder.Build(
            KeyFor("son"),
            [Police(At(2026, 1, 12), ("householdNumber", null), ("relationToHead", "child"), ("registrationAddress", "北京市朝阳区建外街道光华里社区金台路１２號院３#楼２单元１２０３"))],
            June30);

        Assert.NotNull(mother.HouseholdKey);
        Assert.Equal(HouseholdKeyBasis.RegistrationAddress, mother.HouseholdKey.Value.Basis);
        Assert.Equal(mother.HouseholdKey, son.HouseholdKey);
        Assert.Equal("child", son.RelationToHead);
    }
}
