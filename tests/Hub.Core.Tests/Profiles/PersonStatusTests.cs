using Hub.Core.Kernel;
using Hub.Core.Profiles;
using static Hub.Core.Tests.Profiles.TestFacts;

namespace Hub.Core.Tests.Profiles;

public sealed class PersonStatusTests
{
    [Fact]
    public void A_death_the_register_dates_holds_from_that_day_and_ends_every_membership_the_day_after()
    {
        var profile = Build(
            Police(At(2026, 5, 20), ("personStatus", "deceased"), ("deathDate", "2026-05-12")),
            CivilAffairs("dibao", At(2026, 3, 1)),
            DisabilityFederation(At(2026, 3, 1)));

        Assert.Equal((PersonStatus.Deceased, new DateOnly(2026, 5, 12), new DateOnly(2026, 5, 12)), (profile.Status!.Value, profile.StatusDate, profile.StatusSince));
        Assert.Equal(PersonStatus.Active, profile.StatusOn(new DateOnly(2026, 5, 11)));
        Assert.Equal(PersonStatus.Deceased, profile.StatusOn(new DateOnly(2026, 5, 12)));
        Assert.All(profile.Memberships, m => Assert.True(m.IsActiveOn(new DateOnly(2026, 5, 12))));
        Assert.All(profile.Memberships, m => Assert.False(m.IsActiveOn(new DateOnly(2026, 5, 13))));
        Assert.Empty(profile.GroupsActiveOn(June30));
        Assert.False(profile.IsInGroupOn(GroupId.Dibao, June30));
    }

    [Fact]
    public void The_departments_facts_stay_as_they_sent_them_and_the_contradiction_shows()
    {
        var profile = Build(
            Police(At(2026, 5, 20), ("personStatus", "deceased"), ("deathDate", "2026-05-12")),
            CivilAffairs("dibao", At(2026, 3, 1)));

        var dibao = Assert.Single(profile.Memberships);
        Assert.Null(dibao.LastDay);
        Assert.Null(dibao.ValidTo);
        Assert.True(dibao.IsStatedActiveOn(June30));
        Assert.True(dibao.IsInactiveByDeathOn(June30));
        Assert.False(dibao.IsInactiveByDeathOn(new DateOnly(2026, 5, 12)));
    }

    [Fact]
    public void A_benefit_ended_by_its_department_is_not_reported_as_a_contradiction()
    {
        var profile = Build(
            Police(At(2026, 5, 20), ("personStatus", "deceased"), ("deathDate", "2026-05-12")),
            CivilAffairs("dibao", At(2026, 5, 25), ("validTo", "2026-05-31")));

        var dibao = Assert.Single(profile.Memberships);
        Assert.False(dibao.IsInactiveByDeathOn(June30));
        Assert.False(dibao.IsActiveOn(June30));
        Assert.Equal(new DateOnly(2026, 5, 31), dibao.LastDay);
    }

    [Fact]
    public void Without_a_date_a_death_holds_from_the_day_the_register_reported_it()
    {
        var profile = Build(Police(At(2026, 4, 2), ("personStatus", "deceased")), CivilAffairs("dibao", At(2026, 3, 1)));

        Assert.Null(profile.StatusDate);
        Assert.Equal(new DateOnly(2026, 4, 2), profile.StatusSince);
        Assert.True(profile.IsInGroupOn(GroupId.Dibao, new DateOnly(2026, 4, 2)));
        Assert.False(profile.IsInGroupOn(GroupId.Dibao, new DateOnly(2026, 4, 3)));
    }

    [Fact]
    public void A_move_out_of_the_area_is_dated_and_leaves_memberships_as_their_sources_state_them()
    {
        var profile = Build(
            Police(At(2026, 5, 20), ("personStatus", "moved-out"), ("movedOutOn", "2026-04-15")),
            CivilAffairs("dibao", At(2026, 3, 1)));

        Assert.Equal((PersonStatus.MovedOut, new DateOnly(2026, 4, 15)), (profile.Status!.Value, profile.StatusDate));
        Assert.Equal(PersonStatus.Active, profile.StatusOn(new DateOnly(2026, 4, 14)));
        Assert.Equal(PersonStatus.MovedOut, profile.StatusOn(June30));
        Assert.True(profile.IsInGroupOn(GroupId.Dibao, June30));
    }

    [Fact]
    public void Only_the_police_may_declare_a_death_or_date_it()
    {
        var profile = Build(
            Police(At(2026, 1, 10)),
            CivilAffairs("dibao", At(2026, 5, 1), ("personStatus", "deceased"), ("deathDate", "2026-04-30")));

        Assert.Equal(PersonStatus.Active, profile.Status);
        Assert.Null(profile.StatusDate);
        Assert.True(profile.IsInGroupOn(GroupId.Dibao, June30));
    }

    [Fact]
    public void A_death_date_that_is_not_a_date_is_a_problem_and_the_day_of_the_report_stands_in()
    {
        var profile = Build(Police(At(2026, 5, 20), ("personStatus", "deceased"), ("deathDate", "sometime in May")));

        Assert.Null(profile.StatusDate);
        Assert.Equal(new DateOnly(2026, 5, 20), profile.StatusSince);
        Assert.Contains(profile.Problems, p => p.Contains("deathDate", StringComparison.Ordinal));
        Assert.DoesNotContain(profile.Problems, p => p.Contains("May", StringComparison.Ordinal));
    }

    [Fact]
    public void A_person_no_register_holds_has_no_status()
    {
        var profile = Build(CivilAffairs("dibao", At(2026, 3, 1)));

        Assert.Null(profile.Status);
        Assert.Null(profile.StatusOn(June30));
        Assert.True(profile.IsInGroupOn(GroupId.Dibao, June30));
    }
}
