using Hub.Core.Exchange;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Tests.Profiles;
using Microsoft.Extensions.Options;
using static Hub.Core.Tests.Profiles.TestFacts;

namespace Hub.Core.Tests.Exchange;

public sealed class ChangeDeriverTests
{
    private static readonly DateTimeOffset Loaded = At(2026, 3, 1);
    private static readonly DateTimeOffset Reported = At(2026, 6, 20);

    [Fact]
    public void A_death_the_police_report_is_a_deceased_event_dated_by_the_register_and_ends_the_dibao()
    {
        var events = Derive(
            [Police(Loaded), CivilAffairs("dibao", Loaded)],
            [Police(Reported, ("personStatus", "deceased"), ("deathDate", "2026-05-12")), CivilAffairs("dibao", Loaded)]);

        var death = Assert.Single(events, e => e.Type == ChangeEventType.PersonDeceased);
        Assert.Equal(new DateOnly(2026, 5, 12), death.EffectiveDate);
        Assert.True(death.EffectiveDateStated);
        Assert.Equal(("active", "deceased"), Values(death, "personStatus"));
        Assert.Equal(((string?)null, "2026-05-12"), Values(death, "deathDate"));
        Assert.All(death.Changes, c => Assert.Equal("police", c.Source));
        var ended = Assert.Single(events, e => e.Type == ChangeEventType.MembershipEnded);
        Assert.Equal((GroupId.Dibao, ChangeEvent.EndedByDeath, new DateOnly(2026, 5, 13)), (ended.Group!.Value, ended.Reason, ended.EffectiveDate));
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public void A_move_out_of_the_area_is_a_status_change_dated_by_the_register()
    {
        var events = Derive([Police(Loaded)], [Police(Reported, ("personStatus", "moved-out"), ("movedOutOn", "2026-04-15"))]);

        var moved = Assert.Single(events);
        Assert.Equal((ChangeEventType.PersonStatusChanged, new DateOnly(2026, 4, 15)), (moved.Type, moved.EffectiveDate));
        Assert.Equal(("active", "moved-out"), Values(moved, "personStatus"));
    }

    [Fact]
    public void A_residence_moved_to_another_street_names_both_places()
    {
        var events = Derive([Police(Loaded)], [Police(Reported, ("residenceDivision", LeaseDivision), ("residenceGrid", "G02"), ("residenceAddress", LeaseAddress))]);

        var moved = Assert.Single(events);
        Assert.Equal(ChangeEventType.ResidenceMoved, moved.Type);
        Assert.Equal(PoliceDivision, moved.ResidenceBefore!.Value.Division.Value);
        Assert.Equal(LeaseDivision, moved.ResidenceAfter!.Value.Division.Value);
        Assert.Equal((PoliceDivision, LeaseDivision), Values(moved, "residenceDivision"));
        Assert.Equal((PoliceAddress, LeaseAddress), Values(moved, "residenceAddress"));
        Assert.Equal(PoliceDivision, moved.RegistrationAfter!.Value.Division.Value);
    }

    [Fact]
    public void A_registration_moved_is_its_own_event_and_changes_the_household_it_follows()
    {
        var events = Derive([Police(Loaded)], [Police(Reported, ("registrationDivision", SecondAddressDivision), ("registrationAddress", SecondAddress), ("householdNumber", "050099999"))]);

        var moved = Assert.Single(events, e => e.Type == ChangeEventType.RegistrationMoved);
        Assert.Equal((PoliceDivision, SecondAddressDivision), Values(moved, "registrationDivision"));
        Assert.Equal([PoliceDivision, SecondAddressDivision], moved.Places().Select(p => p.Division.Value).Distinct().Order());
        var household = Assert.Single(events, e => e.Type == ChangeEventType.HouseholdChanged);
        Assert.Equal(("050012345", "050099999"), Values(household, "householdNumber"));
        Assert.NotEqual(household.HouseholdBefore, household.HouseholdAfter);
    }

    [Fact]
    public void A_new_dibao_record_starts_a_membership_from_the_date_civil_affairs_states()
    {
        var events = Derive([Police(Loaded)], [Police(Loaded), CivilAffairs("dibao", Reported)]);

        var started = Assert.Single(events);
        Assert.Equal((ChangeEventType.MembershipStarted, GroupId.Dibao, new DateOnly(2019, 4, 1)), (started.Type, started.Group!.Value, started.EffectiveDate));
        Assert.Equal(((string?)null, "dibao"), Values(started, "assistanceType"));
        Assert.Contains(GroupId.Dibao, started.Groups);
    }

    [Fact]
    public void A_benefit_given_an_end_in_the_past_ends_the_day_after_its_last_day()
    {
        var events = Derive([Police(Loaded), CivilAffairs("dibao", Loaded)], [Police(Loaded), CivilAffairs("dibao", Reported, ("validTo", "2026-05-31"))]);

        var ended = Assert.Single(events);
        Assert.Equal((ChangeEventType.MembershipEnded, ChangeEvent.EndedByValidity, new DateOnly(2026, 6, 1)), (ended.Type, ended.Reason, ended.EffectiveDate));
        Assert.Equal(((string?)null, "2026-05-31"), Values(ended, "validTo"));
    }

    [Fact]
    public void A_disability_grade_changed_is_reported_with_both_grades()
    {
        var events = Derive([Police(Loaded), DisabilityFederation(Loaded)], [Police(Loaded), DisabilityFederation(Reported, ("disabilityGrade", "1"))]);

        var changed = Assert.Single(events);
        Assert.Equal(ChangeEventType.DisabilityChanged, changed.Type);
        Assert.Equal(("2", "1"), Values(changed, "disabilityGrade"));
        Assert.Equal("disability-federation", Assert.Single(changed.Changes).Source);
    }

    [Fact]
    public void A_lease_now_ending_within_the_horizon_is_expiring_and_one_beyond_it_is_not()
    {
        var soon = Derive([Police(Loaded), HousingSecurity(Loaded)], [Police(Loaded), HousingSecurity(Reported, ("validTo", "2026-08-15"))]);
        var later = Derive([Police(Loaded), HousingSecurity(Loaded)], [Police(Loaded), HousingSecurity(Reported, ("validTo", "2026-12-31"))]);

        var expiring = Assert.Single(soon);
        Assert.Equal((ChangeEventType.MembershipExpiring, GroupId.PublicHousing, new DateOnly(2026, 8, 15)), (expiring.Type, expiring.Group!.Value, expiring.EffectiveDate));
        Assert.Empty(later);
    }

    [Fact]
    public void The_same_change_derived_again_has_the_same_id_whatever_the_batch_and_day()
    {
        FactView[] before = [Police(Loaded), CivilAffairs("dibao", Loaded)];
        FactView[] after = [Police(Reported, ("personStatus", "deceased"), ("deathDate", "2026-05-12")), CivilAffairs("dibao", Loaded)];

        var first = Derive(before, after, "police-1");
        var retried = Derive(before, after, "police-2", June30.AddDays(3));

        Assert.Equal(first.Select(e => e.Id).Order(), retried.Select(e => e.Id).Order());
        Assert.Equal(first.Count, first.Select(e => e.Id).Distinct().Count());
        Assert.All(first, e => Assert.Matches("^[0-9a-f]{32}$", e.Id));
    }

    [Fact]
    public void Facts_that_did_not_change_what_a_profile_says_make_no_event()
    {
        Assert.Empty(Derive([Police(Loaded), CivilAffairs("dibao", Loaded)], [Police(Reported), CivilAffairs("dibao", Reported, ("assistanceAmount", "1400"))]));
        Assert.Empty(Derive([Police(Loaded), CivilAffairs("dibao", Loaded)], [Police(Loaded), CivilAffairs("dibao", Loaded)]));
    }

    [Fact]
    public void A_person_first_seen_is_not_said_to_have_moved_or_changed_status()
    {
        var events = Derive([], [Police(Reported)]);

        Assert.Empty(events);
    }

    [Fact]
    public void A_record_linked_to_a_person_is_an_identities_merged_event_placed_by_its_own_facts()
    {
        var record = KeyFor("record kept without an ID");
        var deriver = new ChangeDeriver(ShippedRules.Builder(), ShippedRules.Load(), Options.Create(new ChangeEventOptions()));

        var merged = deriver.Linked(record, Key, [CivilAffairs("dibao", Loaded)], "civil-affairs", "batch-1", June30);
        var again = deriver.Linked(record, Key, [CivilAffairs("dibao", Loaded)], "civil-affairs", "batch-2", June30.AddDays(1));

        Assert.Equal((ChangeEventType.IdentitiesMerged, Key, record.Value), (merged.Type, merged.PersonKey, merged.LinkedKey));
        Assert.Equal(CivilDivision, merged.ResidenceAfter!.Value.Division.Value);
        Assert.Contains(GroupId.Dibao, merged.Groups);
        Assert.Equal(merged.Id, again.Id);
        Assert.NotEqual(merged.Id, deriver.Linked(KeyFor("another record"), Key, [], "civil-affairs", "batch-1", June30).Id);
    }

    private static List<ChangeEvent> Derive(FactView[] before, FactView[] after, string batch = "batch-1", DateOnly? today = null)
    {
        var deriver = new ChangeDeriver(ShippedRules.Builder(), ShippedRules.Load(), Options.Create(new ChangeEventOptions()));
        return [.. deriver.Derive(Key, before, after, "police", batch, today ?? June30)];
    }

    private static (string? Before, string? After) Values(ChangeEvent change, string attribute)
    {
        var found = Assert.Single(change.Changes, c => c.Attribute == attribute);
        return (found.Before, found.After);
    }
}
