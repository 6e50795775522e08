using Hub.Core.Kernel;
using Hub.Core.Profiles;
using static Hub.Core.Tests.Profiles.TestFacts;

namespace Hub.Core.Tests.Profiles;

public sealed class HouseholdViewTests
{
    private static readonly ProfileBuilder Builder = ShippedRules.Builder();

    // 王秀英, 82, head of household, 孤寡老人 subsidy and 低保; her son 李建国, 47, psychosocial disability grade 2, on the
    // same 低保 (保障人数 2). Both registered and living at the same address.
    private static readonly PersonProfile Mother = Builder.Build(KeyFor("mother"), [
        Police(At(2026, 1, 10), ("birthDate", "1944-03-08")),
        CivilAffairs("dibao", At(2026, 1, 3)),
        CivilAffairs("elderly-alone", At(2026, 1, 3), ("validFrom", "2022-07-01"), ("assistanceAmount", "300")),
    ], June30);

    private static readonly PersonProfile Son = Builder.Build(KeyFor("son"), [
        Police(At(2026, 1, 10), ("residentId", "110105197811230017"), ("name", "李建国"), ("sex", "male"), ("birthDate", "1978-11-23"), ("relationToHead", "child")),
        CivilAffairs("dibao", At(2026, 1, 3), ("residentId", "110105197811230017"), ("name", "李建国"), ("sex", "male")),
        DisabilityFederation(At(2026, 2, 1), ("residentId", "110105197811230017"), ("name", "李建国"), ("disabilityCategory", "psychosocial"), ("validFrom", "2021-09-14"), ("validTo", "2031-09-13")),
    ], June30);

    [Fact]
    public void An_elderly_parent_living_alone_and_a_disabled_adult_child_are_one_household_with_both_needs_flagged()
    {
        var view = HouseholdView.Create([Son, Mother], June30);

        Assert.Equal(Mother.HouseholdKey, view.Key);
        Assert.Equal([Mother.PersonKey, Son.PersonKey], view.Members.Select(m => m.PersonKey));
        Assert.Same(Mother, view.Head?.Profile);
        Assert.Equal(["head", "child"], view.Members.Select(m => m.RelationToHead));
        Assert.Equal([GroupId.Dibao, GroupId.ElderlyAlone], view.Members[0].ActiveGroups);
        Assert.Equal([GroupId.Dibao, GroupId.Disability], view.Members[1].ActiveGroups);
        Assert.Equal("psychosocial", view.Members[1].ActiveMemberships.Single(m => m.Group == GroupId.Disability).Details["disabilityCategory"]);
        Assert.True(view.HasElderlyAloneMember);
        Assert.True(view.HasDisabledMember);
        Assert.False(view.HasSevereMentalIllnessMember);
        Assert.Equal(2, view.DibaoMemberCount);
        Assert.Equal(2, view.PresentMemberCount);
    }

    [Fact]
    public void The_view_is_of_its_day_a_certificate_not_yet_issued_flags_nothing()
    {
        var view = HouseholdView.Create([Mother, Son], new DateOnly(2021, 6, 30));

        Assert.False(view.HasDisabledMember);
        Assert.False(view.HasElderlyAloneMember);
        Assert.Equal(2, view.DibaoMemberCount);
    }

    [Fact]
    public void A_deceased_member_is_listed_but_does_not_count_towards_the_flags()
    {
        var deceasedMother = Builder.Build(KeyFor("mother"), [
            Police(At(2026, 5, 2), ("personStatus", "deceased")),
            CivilAffairs("elderly-alone", At(2026, 1, 3)),
        ], June30);

        var view = HouseholdView.Create([deceasedMother, Son], June30);

        Assert.Equal(2, view.Members.Count);
        Assert.False(view.Members[0].IsPresent);
        Assert.Equal([GroupId.ElderlyAlone], view.Members[0].ActiveGroups);
        Assert.False(view.HasElderlyAloneMember);
        Assert.Equal(1, view.PresentMemberCount);
        Assert.Equal(1, view.DibaoMemberCount);
    }

    [Fact]
    public void Severe_mental_illness_from_a_register_onboarded_later_flags_the_household()
    {
        var health = Fact("health-commission", "severe-mental-illness", At(2026, 3, 1), new()
        {
            ["residentId"] = "110105197811230017",
            ["condition"] = "severe-mental-illness",
            ["validFrom"] = "2020-01-15",
        });
        var son = Builder.Build(KeyFor("son"), [Police(At(2026, 1, 10), ("residentId", "110105197811230017"), ("relationToHead", "child")), health], June30);

        var view = HouseholdView.Create([Mother, son], June30);

        Assert.True(view.HasSevereMentalIllnessMember);
        Assert.Equal(1, view.CountActive(GroupId.SevereMentalIllness));
        Assert.Equal("health-commission", son.Memberships.Single().Source);
    }

    [Fact]
    public void Profiles_of_different_households_make_no_single_view_and_the_error_names_only_keys()
    {
        var neighbour = Builder.Build(KeyFor("neighbour"), [Police(At(2026, 1, 10), ("householdNumber", "050099999"), ("name", "赵德明"))], June30);

        var error = Assert.Throws<ArgumentException>(() => HouseholdView.Create([Mother, neighbour], June30));

        Assert.Contains(neighbour.PersonKey.Value, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("050099999", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("赵德明", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Profiles_are_grouped_into_one_view_per_household()
    {
        var neighbour = Builder.Build(KeyFor("neighbour"), [Police(At(2026, 1, 10), ("householdNumber", "050099999"))], June30);
        var unplaced = Builder.Build(KeyFor("unplaced"), [CivilAffairs("dibao", At(2026, 1, 3))], June30);

        var views = HouseholdView.CreateAll([Son, neighbour, unplaced, Mother], June30);

        Assert.Null(unplaced.HouseholdKey);
        Assert.Equal(2, views.Count);
        Assert.Equal([2, 1], views.OrderByDescending(v => v.Members.Count).Select(v => v.Members.Count));
        Assert.Equal(Mother.HouseholdKey, views.Single(v => v.Members.Count == 2).Key);
    }
}
