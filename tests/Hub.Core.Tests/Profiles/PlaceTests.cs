using Hub.Core.Kernel;
using Hub.Core.Profiles;
using static Hub.Core.Tests.Profiles.TestFacts;

namespace Hub.Core.Tests.Profiles;

public sealed class PlaceTests
{
    [Fact]
    public void A_second_address_registration_beats_a_more_recent_civil_affairs_residence()
    {
        var police = Police(
            At(2025, 9, 1),
            ("residenceRegistrationType", "second-address"),
            ("residenceDivision", SecondAddressDivision),
            ("residenceAddress", SecondAddress),
            ("residenceGrid", "G07"));

        var profile = Build(police, CivilAffairs("dibao", At(2026, 3, 2)));

        Assert.Equal(DivisionCode.Parse(SecondAddressDivision), profile.Residence?.Division);
        Assert.Equal("G07", profile.Residence?.Grid);
        Assert.Equal(SecondAddress, profile.Residence?.Address);
        Assert.Equal(new Provenance("police", police.LastBatch, new DateOnly(2025, 9, 1)), profile.Residence?.Provenance);
        Assert.Equal(DivisionCode.Parse(PoliceDivision), profile.Registration?.Division);
        Assert.Equal(PoliceAddress, profile.Registration?.Address);
        Assert.Null(profile.Registration?.Grid);
    }

    [Fact]
    public void A_second_address_registration_beats_a_current_lease()
    {
        var police = Police(At(2025, 9, 1), ("residenceRegistrationType", "second-address"), ("residenceDivision", SecondAddressDivision));

        var profile = Build(police, HousingSecurity(At(2026, 3, 1)));

        Assert.Equal(SecondAddressDivision, profile.Residence?.Division.Value);
    }

    [Fact]
    public void A_current_lease_beats_the_register_residence_of_someone_without_a_second_address()
    {
        var profile = Build(Police(At(2026, 6, 1)), HousingSecurity(At(2026, 3, 1)), CivilAffairs("dibao", At(2026, 6, 2)));

        Assert.Equal(LeaseDivision, profile.Residence?.Division.Value);
        Assert.Equal("G02", profile.Residence?.Grid);
        Assert.Equal(LeaseAddress, profile.Residence?.Address);
        Assert.Equal("housing-security", profile.Residence?.Provenance.Source);
    }

    [Fact]
    public void An_expired_lease_no_longer_gives_the_residence()
    {
        var lease = HousingSecurity(At(2023, 4, 1), ("validFrom", "2023-04-01"), ("validTo", "2026-03-31"));

        var current = ShippedRules.Builder().Build(Key, [Police(At(2026, 1, 10)), lease], new DateOnly(2026, 3, 31));
        var expired = Build(Police(At(2026, 1, 10)), lease);

        Assert.Equal(LeaseDivision, current.Residence?.Division.Value);
        Assert.Equal(PoliceDivision, expired.Residence?.Division.Value);
        Assert.Equal("police", expired.Residence?.Provenance.Source);
        Assert.False(expired.IsInGroupOn(GroupId.PublicHousing, June30));
        Assert.Single(expired.Memberships, m => m.Group == GroupId.PublicHousing);
    }

    [Fact]
    public void A_lease_that_has_not_begun_does_not_give_the_residence_yet()
    {
        var profile = Build(Police(At(2026, 6, 1)), HousingSecurity(At(2026, 6, 20), ("validFrom", "2026-07-01")));

        Assert.Equal("police", profile.Residence?.Provenance.Source);
    }

    [Fact]
    public void A_register_record_a_snapshot_dropped_gives_no_place_and_the_next_source_stands_in()
    {
        var police = Police(At(2025, 1, 10)) with { EndedAt = At(2026, 2, 1) };

        var profile = Build(police, CivilAffairs("dibao", At(2025, 12, 1)), DisabilityFederation(At(2026, 4, 1), ("residenceDivision", "110108002001")));

        Assert.Equal("110108002001", profile.Residence?.Division.Value);
        Assert.Equal("disability-federation", profile.Residence?.Provenance.Source);
        Assert.Null(profile.Residence?.Address);
        Assert.Equal("civil-affairs", profile.Registration?.Provenance.Source);
        Assert.Equal(PoliceDivision, profile.Registration?.Division.Value);
        Assert.Null(profile.Registration?.Address);
    }

    [Fact]
    public void Grid_and_address_come_from_the_fact_that_gives_the_division_never_from_another()
    {
        var police = Police(At(2025, 9, 1), ("residenceRegistrationType", "second-address"), ("residenceDivision", SecondAddressDivision), ("residenceGrid", null), ("residenceAddress", null));

        var profile = Build(police, CivilAffairs("dibao", At(2026, 3, 2)));

        Assert.Equal(SecondAddressDivision, profile.Residence?.Division.Value);
        Assert.Null(profile.Residence?.Grid);
        Assert.Null(profile.Residence?.Address);
    }

    [Fact]
    public void A_fact_whose_division_is_not_a_division_code_gives_no_place()
    {
        var profile = Build(CivilAffairs("dibao", At(2026, 3, 2), ("residenceDivision", "朝阳区"), ("registrationDivision", null)));

        Assert.Null(profile.Residence);
        Assert.Null(profile.Registration);
    }
}
