using Hub.Core.Kernel;
using Hub.Core.Profiles;
using static Hub.Core.Tests.Profiles.TestFacts;

namespace Hub.Core.Tests.Profiles;

public sealed class SurvivorshipTests
{
    [Fact]
    public void Police_wins_the_name_over_a_more_recent_civil_affairs_spelling_and_the_other_spelling_stays_visible()
    {
        var police = Police(At(2026, 1, 10));
        var civil = CivilAffairs("dibao", At(2026, 3, 2), ("name", "王秀瑛"));

        var profile = Build(civil, police);

        var name = profile.Attributes["name"];
        Assert.Equal("王秀英", name.Value);
        Assert.Equal(new Provenance("police", police.LastBatch, new DateOnly(2026, 1, 10)), name.Provenance);
        var conflict = Assert.Single(name.Conflicts);
        Assert.Equal("王秀瑛", conflict.Value);
        Assert.Equal(new Provenance("civil-affairs", civil.LastBatch, new DateOnly(2026, 3, 2)), conflict.Provenance);
    }

    [Fact]
    public void Agreeing_sources_are_no_conflict()
    {
        var profile = Build(Police(At(2026, 1, 10)), CivilAffairs("dibao", At(2026, 3, 2)), DisabilityFederation(At(2026, 2, 1)));

        Assert.False(profile.Attributes["name"].HasConflicts);
        Assert.Equal("police", profile.Attributes["name"].Provenance.Source);
    }

    [Fact]
    public void The_phone_comes_from_the_most_recently_updated_source()
    {
        var profile = Build(
            Police(At(2026, 6, 1)),
            CivilAffairs("dibao", At(2026, 2, 1)),
            DisabilityFederation(At(2026, 5, 3)),
            HousingSecurity(At(2026, 3, 1)));

        var phone = profile.Attributes["phone"];
        Assert.Equal("13901112222", phone.Value);
        Assert.Equal("disability-federation", phone.Provenance.Source);
        Assert.Equal(new DateOnly(2026, 5, 3), phone.Provenance.AsOf);
        Assert.Equal(["housing-security", "civil-affairs"], phone.Conflicts.Select(c => c.Provenance.Source));
    }

    [Fact]
    public void The_disability_grade_comes_from_the_disability_federation_even_when_civil_affairs_sends_a_newer_one()
    {
        var federation = DisabilityFederation(At(2025, 11, 5), ("disabilityGrade", "1"));
        var civil = CivilAffairs("dibao", At(2026, 4, 1), ("disabilityGrade", "3"), ("disabilityCategory", "physical"));

        var profile = Build(Police(At(2026, 1, 10)), civil, federation);

        Assert.Equal("1", profile.ValueOf("disabilityGrade"));
        Assert.Equal("disability-federation", profile.Attributes["disabilityGrade"].Provenance.Source);
        Assert.Equal("3", Assert.Single(profile.Attributes["disabilityGrade"].Conflicts).Value);
        var disability = Assert.Single(profile.Memberships, m => m.Group == GroupId.Disability);
        Assert.Equal("1", disability.Details["disabilityGrade"]);
        Assert.Equal("physical", disability.Details["disabilityCategory"]);
        Assert.Equal("disability-federation", disability.Source);
    }

    [Fact]
    public void Without_a_disability_federation_fact_the_civil_affairs_grade_is_shown_but_makes_no_disability_membership()
    {
        var profile = Build(Police(At(2026, 1, 10)), CivilAffairs("dibao", At(2026, 4, 1), ("disabilityGrade", "3")));

        Assert.Equal("3", profile.ValueOf("disabilityGrade"));
        Assert.Equal("civil-affairs", profile.Attributes["disabilityGrade"].Provenance.Source);
        Assert.DoesNotContain(profile.Memberships, m => m.Group == GroupId.Disability);
    }

    [Fact]
    public void An_unknown_source_falls_back_to_most_recent_but_never_beats_an_authoritative_source()
    {
        var streetOffice = Fact("street-office", string.Empty, At(2026, 6, 20), new()
        {
            ["name"] = "王秀瑛",
            ["phone"] = "13700001111",
            ["maritalStatus"] = "widowed",
        });

        var withPolice = Build(Police(At(2026, 1, 10)), CivilAffairs("dibao", At(2026, 2, 1)), streetOffice);
        var withoutPolice = Build(CivilAffairs("dibao", At(2026, 2, 1)), streetOffice);

        Assert.Equal("王秀英", withPolice.ValueOf("name"));
        Assert.Equal("13700001111", withPolice.ValueOf("phone"));
        Assert.Equal("street-office", withPolice.Attributes["maritalStatus"].Provenance.Source);
        Assert.Equal("王秀瑛", withoutPolice.ValueOf("name"));
        Assert.Equal("street-office", withoutPolice.Attributes["name"].Provenance.Source);
        Assert.Contains("street-office", withPolice.Sources);
    }

    [Fact]
    public void An_attribute_only_the_register_may_state_stays_empty_when_another_department_states_it()
    {
        var civil = CivilAffairs("dibao", At(2026, 2, 1), ("personStatus", "deceased"), ("householdNumber", "999"));

        var profile = Build(civil);

        Assert.Null(profile.ValueOf("personStatus"));
        Assert.Null(profile.Status);
        Assert.Null(profile.ValueOf("householdNumber"));
        Assert.Equal("王秀英", profile.ValueOf("name"));
    }

    [Fact]
    public void A_current_fact_beats_one_a_snapshot_ended_even_though_ending_updated_it_later()
    {
        var ended = CivilAffairs("dibao", At(2026, 1, 5), ("phone", "13500000000")) with { UpdatedAt = At(2026, 5, 1), EndedAt = At(2026, 5, 1) };
        var current = DisabilityFederation(At(2026, 3, 1));

        var profile = Build(ended, current);

        Assert.Equal("13901112222", profile.ValueOf("phone"));
        Assert.Equal("13500000000", Assert.Single(profile.Attributes["phone"].Conflicts).Value);
    }

    [Fact]
    public void Record_and_place_attributes_are_not_person_attributes()
    {
        var profile = Build(Police(At(2026, 1, 10)), CivilAffairs("dibao", At(2026, 2, 1)), HousingSecurity(At(2026, 3, 1)));

        string[] notPerson = ["validFrom", "validTo", "assistanceType", "assistanceAmount", "householdSize", "monthlyRent", "housingType", "residenceDivision", "residenceAddress", "registrationDivision", "registrationAddress", "residenceGrid"];
        Assert.All(notPerson, a => Assert.False(profile.Attributes.ContainsKey(a), a));
        Assert.True(profile.Attributes.ContainsKey("residenceRegistrationType"));
        Assert.True(profile.Attributes.ContainsKey("birthDate"));
    }

    [Fact]
    public void The_profile_does_not_depend_on_the_order_of_the_facts()
    {
        FactView[] facts =
        [
            Police(At(2026, 1, 10)),
            CivilAffairs("dibao", At(2026, 2, 1), ("name", "王秀瑛"), ("phone", "13800000001")),
            CivilAffairs("elderly-alone", At(2026, 2, 1), ("phone", "13800000002")),
            DisabilityFederation(At(2026, 2, 1), ("phone", "13800000003")),
            HousingSecurity(At(2026, 2, 1)),
        ];

        var forward = Build(facts);
        var backward = Build([.. facts.Reverse()]);

        Assert.Equal(forward.Attributes.Keys, backward.Attributes.Keys);
        Assert.All(forward.Attributes, a => Assert.Equal(a.Value.Value, backward.Attributes[a.Key].Value));
        Assert.Equal(forward.Attributes["phone"].Conflicts, backward.Attributes["phone"].Conflicts);
        Assert.Equal(forward.Memberships.Select(m => (m.Group, m.Source)), backward.Memberships.Select(m => (m.Group, m.Source)));
        Assert.Equal(forward.Residence, backward.Residence);
    }

    [Fact]
    public void A_deceased_person_keeps_their_profile_and_history()
    {
        var profile = Build(
            Police(At(2026, 4, 2), ("personStatus", "deceased")),
            CivilAffairs("dibao", At(2026, 4, 20), ("validTo", "2026-04-30")));

        Assert.Equal(PersonStatus.Deceased, profile.Status);
        Assert.True(profile.IsDeceased);
        Assert.Equal("王秀英", profile.ValueOf("name"));
        var dibao = Assert.Single(profile.Memberships);
        Assert.True(dibao.IsActiveOn(new DateOnly(2026, 4, 1)));
        Assert.False(dibao.IsActiveOn(June30));
    }
}
