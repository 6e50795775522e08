using Hub.Core.Checks;
using Hub.Core.Tests.Profiles;
using static Hub.Core.Tests.Profiles.TestFacts;

namespace Hub.Core.Tests.Checks;

public sealed class CheckWorkTests
{
    [Fact]
    public void Every_person_observed_is_remembered_by_key_and_only_those_with_a_finding_are_kept_whole()
    {
        var work = NewWork();
        var deceased = KeyFor("deceased");
        var living = KeyFor("living");

        work.Observe(deceased, [Police(At(2026, 5, 20), ("personStatus", "deceased"), ("deathDate", "2026-05-12")), CivilAffairs("dibao", At(2026, 3, 1))]);
        work.Observe(living, [Police(At(2026, 5, 20)), CivilAffairs("dibao", At(2026, 3, 1))]);

        Assert.Equal([deceased, living], work.Evaluated.OrderBy(k => k == living));
        var found = Assert.Single(work.Found);
        Assert.Equal((deceased, "benefit-after-death", "王秀英", "police"), (found.PersonKey, Assert.Single(found.Findings).Rule.Id, found.Name, found.NameSource));
        Assert.Equal(PoliceDivision, found.Residence?.Division.Value);
    }

    [Fact]
    public void A_person_observed_again_is_judged_on_the_later_facts()
    {
        var work = NewWork();
        var key = KeyFor("again");

        work.Observe(key, [Police(At(2026, 5, 20), ("personStatus", "deceased"), ("deathDate", "2026-05-12")), CivilAffairs("dibao", At(2026, 3, 1))]);
        work.Observe(key, [Police(At(2026, 5, 20), ("personStatus", "deceased"), ("deathDate", "2026-05-12")), CivilAffairs("dibao", At(2026, 5, 25), ("validTo", "2026-05-31"))]);

        Assert.Equal([key], work.Evaluated);
        Assert.Empty(work.Found);
    }

    [Fact]
    public void Two_tenants_of_one_household_in_one_batch_find_each_other_without_storage()
    {
        var work = NewWork();
        var head = KeyFor("head");
        var child = KeyFor("child");

        work.Observe(head, [Police(At(2026, 5, 20)), HousingSecurity(At(2026, 3, 1))]);
        work.Observe(child, [Police(At(2026, 5, 20), ("relationToHead", "child"), ("residentId", "110105200001010011")), HousingSecurity(At(2026, 3, 1), ("residentId", "110105200001010011"))]);

        var candidate = Assert.Single(work.Found);
        Assert.Equal(child, candidate.PersonKey);
        Assert.NotNull(candidate.HouseholdCandidate);
        var household = work.HouseholdMembers(candidate.HouseholdCandidate.HouseholdKey!.Value);
        Assert.Equal([head, child], household.Select(p => p.PersonKey).OrderBy(k => k == child));
        var finding = Assert.Single(work.EvaluateWithHousehold(candidate.HouseholdCandidate, household));
        Assert.Equal(("tenant-in-another-tenants-household", head), (finding.Rule.Id, finding.Evidence[^1].Member));
    }

    private static CheckWork NewWork() => new(ShippedChecks.Evaluator(), ShippedRules.Builder(), June30);
}
