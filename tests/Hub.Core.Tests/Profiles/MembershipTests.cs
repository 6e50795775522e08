using Hub.Core.Kernel;
using Hub.Core.Profiles;
using static Hub.Core.Tests.Profiles.TestFacts;

namespace Hub.Core.Tests.Profiles;

public sealed class MembershipTests
{
    [Fact]
    public void A_dibao_membership_past_its_end_date_stays_in_history_and_is_not_active_after_it()
    {
        var profile = Build(Police(At(2026, 1, 10)), CivilAffairs("dibao", At(2026, 1, 3), ("validFrom", "2020-03-01"), ("validTo", "2025-12-31")));

        var dibao = Assert.Single(profile.Memberships);
        Assert.Equal(GroupId.Dibao, dibao.Group);
        Assert.Equal(new DateOnly(2020, 3, 1), dibao.ValidFrom);
        Assert.Equal(new DateOnly(2025, 12, 31), dibao.LastDay);
        Assert.Equal("1335", dibao.Details["assistanceAmount"]);
        Assert.True(dibao.IsActiveOn(new DateOnly(2025, 12, 31)));
        Assert.False(dibao.IsActiveOn(new DateOnly(2026, 1, 1)));
        Assert.Empty(profile.GroupsActiveOn(June30));
        Assert.Equal([GroupId.Dibao], profile.GroupsActiveOn(new DateOnly(2024, 6, 30)));
    }

    [Fact]
    public void A_snapshot_that_drops_the_record_ends_the_membership_on_that_Beijing_day()
    {
        // 18:00 UTC on 15 March is 02:00 on 16 March in Beijing.
        var ended = CivilAffairs("dibao", At(2025, 8, 1)) with { UpdatedAt = new(2026, 3, 15, 18, 0, 0, TimeSpan.Zero), EndedAt = new(2026, 3, 15, 18, 0, 0, TimeSpan.Zero) };

        var profile = Build(Police(At(2026, 1, 10)), ended);

        var dibao = Assert.Single(profile.Memberships);
        Assert.Equal(new DateOnly(2026, 3, 16), dibao.EndedOn);
        Assert.Equal(ended.EndedAt, dibao.EndedAt);
        Assert.Null(dibao.ValidTo);
        Assert.Equal(new DateOnly(2026, 3, 15), dibao.LastDay);
        Assert.True(dibao.IsActiveOn(new DateOnly(2026, 3, 15)));
        Assert.False(dibao.IsActiveOn(new DateOnly(2026, 3, 16)));
        Assert.False(profile.IsInGroupOn(GroupId.Dibao, June30));
    }

    [Theory]
    [InlineData("2026-07-01", null, null, false)] // starts after the day
    [InlineData("2026-06-30", null, null, true)] // starts on the day
    [InlineData("2019-04-01", "2026-06-29", null, false)] // ended the day before
    [InlineData("2019-04-01", "2026-06-30", null, true)] // ends on the day
    [InlineData("2019-04-01", null, null, true)] // open-ended
    [InlineData("2019-04-01", null, "2026-06-30", false)] // dropped by the snapshot of that day
    [InlineData("2019-04-01", null, "2026-07-01", true)] // dropped the day after
    [InlineData("2019-04-01", "2027-12-31", "2026-05-31", false)] // dropped before its end date
    public void Who_is_a_dibao_recipient_on_30_June_2026_has_one_answer(string validFrom, string? validTo, string? endedOn, bool recipient)
    {
        var fact = CivilAffairs("dibao", At(2019, 4, 2), ("validFrom", validFrom), ("validTo", validTo));
        if (endedOn is not null)
        {
            var ended = DateOnly.Parse(endedOn, System.Globalization.CultureInfo.InvariantCulture);
            fact = fact with { EndedAt = new DateTimeOffset(ended.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)) };
        }

        var profile = Build(Police(At(2026, 1, 10)), fact);

        Assert.Equal(recipient, profile.IsInGroupOn(GroupId.Dibao, June30));
        Assert.Equal(recipient, profile.GroupsActiveOn(June30).Contains(GroupId.Dibao));
        Assert.Equal(recipient ? 1 : 0, profile.MembershipsActiveOn(June30).Count);
        Assert.Single(profile.Memberships);
    }

    [Fact]
    public void Asking_about_several_people_gives_exactly_the_recipients_of_that_day()
    {
        var builder = ShippedRules.Builder();
        var people = new Dictionary<string, FactView[]>
        {
            ["open-ended"] = [CivilAffairs("dibao", At(2024, 1, 1), ("validFrom", "2024-01-01"))],
            ["starts-later"] = [CivilAffairs("dibao", At(2026, 6, 1), ("validFrom", "2026-07-01"))],
            ["ended-before"] = [CivilAffairs("dibao", At(2024, 1, 1), ("validTo", "2026-05-31"))],
            ["ended-by-snapshot"] = [CivilAffairs("dibao", At(2024, 1, 1)) with { EndedAt = At(2026, 6, 1) }],
            ["low-income-only"] = [CivilAffairs("low-income", At(2024, 1, 1))],
            ["ends-on-the-day"] = [CivilAffairs("dibao", At(2024, 1, 1), ("validTo", "2026-06-30"))],
        };

        var recipients = people
            .Where(p => builder.Build(KeyFor(p.Key), p.Value, June30).IsInGroupOn(GroupId.Dibao, June30))
            .Select(p => p.Key)
            .Order(StringComparer.Ordinal);

        Assert.Equal(["ends-on-the-day", "open-ended"], recipients);
    }

    [Fact]
    public void A_fact_without_a_start_date_counts_from_its_first_appearance()
    {
        var fact = CivilAffairs("elderly-alone", At(2026, 5, 1), ("validFrom", null)) with { FirstSeenAt = At(2026, 2, 1) };

        var membership = Assert.Single(Build(fact).Memberships);

        Assert.Equal(GroupId.ElderlyAlone, membership.Group);
        Assert.Equal(new DateOnly(2026, 2, 1), membership.ValidFrom);
        Assert.True(membership.ValidFromIsFirstSeen);
        Assert.False(membership.IsActiveOn(new DateOnly(2026, 1, 31)));
        Assert.True(membership.IsActiveOn(June30));
    }

    [Fact]
    public void Memberships_of_several_departments_each_carry_their_source_and_details()
    {
        var profile = Build(
            Police(At(2026, 1, 10)),
            CivilAffairs("dibao", At(2026, 1, 3)),
            CivilAffairs("elderly-alone", At(2026, 1, 3), ("assistanceAmount", "200")),
            DisabilityFederation(At(2026, 2, 1)),
            HousingSecurity(At(2026, 3, 1)));

        Assert.Equal([GroupId.Dibao, GroupId.Disability, GroupId.ElderlyAlone, GroupId.PublicHousing], profile.GroupsActiveOn(June30));
        var housing = Assert.Single(profile.Memberships, m => m.Group == GroupId.PublicHousing);
        Assert.Equal("housing-security", housing.Source);
        Assert.Equal(new DateOnly(2027, 8, 31), housing.ValidTo);
        Assert.Equal("860", housing.Details["monthlyRent"]);
        Assert.Equal("200", Assert.Single(profile.Memberships, m => m.Group == GroupId.ElderlyAlone).Details["assistanceAmount"]);
        var disability = profile.Memberships.Single(m => m.Group == GroupId.Disability);
        Assert.Equal(("physical", "2"), (disability.Details["disabilityCategory"], disability.Details["disabilityGrade"]));
    }

    [Fact]
    public void A_rent_subsidy_is_its_own_group_not_public_housing()
    {
        var profile = Build(HousingSecurity(At(2026, 3, 1), ("housingType", "rent-subsidy")) with { Discriminator = "rent-subsidy" });

        Assert.Equal([GroupId.RentSubsidy], profile.GroupsActiveOn(June30));
    }

    [Fact]
    public void A_group_code_no_rule_knows_makes_no_membership()
    {
        var profile = Build(Police(At(2026, 1, 10)), CivilAffairs("funeral-subsidy", At(2026, 1, 3)));

        Assert.Empty(profile.Memberships);
        Assert.Empty(profile.GroupsActiveOn(June30));
        Assert.Empty(profile.Problems);
    }

    [Fact]
    public void A_disability_certificate_past_its_expiry_is_history()
    {
        var profile = Build(DisabilityFederation(At(2026, 2, 1), ("validFrom", "2016-05-20"), ("validTo", "2026-05-19")));

        var disability = Assert.Single(profile.Memberships);
        Assert.True(disability.IsActiveOn(new DateOnly(2026, 5, 19)));
        Assert.False(profile.IsInGroupOn(GroupId.Disability, June30));
    }

    [Fact]
    public void An_unreadable_end_date_gives_no_membership_and_a_problem_that_does_not_quote_the_value()
    {
        var profile = Build(Police(At(2026, 1, 10)), CivilAffairs("dibao", At(2026, 1, 3), ("validTo", "下月底")));

        Assert.Empty(profile.Memberships);
        Assert.Contains("a civil-affairs fact's validTo is not a date, so it gives no dibao membership", profile.Problems);
        Assert.All(profile.Problems, p => Assert.DoesNotContain("下月底", p, StringComparison.Ordinal));
        Assert.Equal("police", profile.Residence?.Provenance.Source);
    }
}
