using Hub.Core.Checks;
using static Hub.Core.Tests.Profiles.TestFacts;

namespace Hub.Core.Tests.Checks;

public sealed class WorklistChangesTests
{
    private static readonly DateTimeOffset First = At(2026, 6, 1);
    private static readonly DateTimeOffset Later = At(2026, 6, 30);

    [Fact]
    public void A_new_finding_opens_an_item_with_its_evidence_and_an_opened_step_of_the_batch()
    {
        var (finding, person) = Found();

        var (before, after) = Assert.Single(WorklistChanges.Plan([], [(finding, person)], "b1", First));

        Assert.Null(before);
        Assert.Equal((finding.ItemId, WorklistStatus.Open, "benefit-after-death", "civil-affairs"), (after.Id, after.Status, after.Rule, after.Owner));
        Assert.Equal(new WorklistHistoryEntry(First, "hub", "opened", null, "b1"), Assert.Single(after.History));
        Assert.Equal(finding.Evidence, after.Evidence);
    }

    [Fact]
    public void Running_the_same_data_again_changes_nothing()
    {
        var found = Found();
        var opened = Assert.Single(WorklistChanges.Plan([], [found], "b1", First)).After;

        Assert.Empty(WorklistChanges.Plan([opened], [found], "b2", Later));
        Assert.Empty(WorklistChanges.Plan([opened with { Status = WorklistStatus.Dismissed }], [found], "b2", Later));
        Assert.Empty(WorklistChanges.Plan([opened with { Status = WorklistStatus.Confirmed }], [found], "b2", Later));
    }

    [Fact]
    public void An_open_item_whose_condition_clears_is_resolved_by_the_data_and_kept_with_its_history()
    {
        var opened = Assert.Single(WorklistChanges.Plan([], [Found()], "b1", First)).After;

        var (_, after) = Assert.Single(WorklistChanges.Plan([opened], [], "b2", Later));

        Assert.Equal(WorklistStatus.Resolved, after.Status);
        Assert.Equal(["opened", "resolved"], after.History.Select(h => h.Action));
        Assert.Equal(("hub", "b2", Later), (after.History[1].By, after.History[1].Batch, after.History[1].At));
        Assert.Equal(First, after.OpenedAt);
    }

    [Fact]
    public void A_decided_item_is_never_resolved_by_the_data_and_a_resolved_one_is_reopened_when_the_condition_returns()
    {
        var found = Found();
        var opened = Assert.Single(WorklistChanges.Plan([], [found], "b1", First)).After;

        Assert.Empty(WorklistChanges.Plan([opened with { Status = WorklistStatus.Dismissed }], [], "b2", Later));
        var resolved = Assert.Single(WorklistChanges.Plan([opened], [], "b2", Later)).After;
        var reopened = Assert.Single(WorklistChanges.Plan([resolved], [found], "b3", Later)).After;

        Assert.Equal(WorklistStatus.Open, reopened.Status);
        Assert.Equal(["opened", "resolved", "reopened"], reopened.History.Select(h => h.Action));
    }

    [Fact]
    public void Evidence_from_a_later_batch_refreshes_an_open_item_without_opening_another()
    {
        var (finding, person) = Found();
        var opened = Assert.Single(WorklistChanges.Plan([], [(finding, person)], "b1", First)).After;
        var (later, _) = Found(police => police with { LastBatch = "police-later" });

        var (before, after) = Assert.Single(WorklistChanges.Plan([opened], [(later, person)], "b2", Later));

        Assert.Equal(opened.Id, after.Id);
        Assert.Equal(before, opened);
        Assert.Equal("police-later", after.Evidence[0].Batch);
        Assert.Single(after.History);
    }

    private static (CheckFinding Finding, EvaluatedPerson Person) Found(Func<Hub.Core.Profiles.FactView, Hub.Core.Profiles.FactView>? police = null)
    {
        var register = Police(At(2026, 5, 20), ("personStatus", "deceased"), ("deathDate", "2026-05-12"));
        var profile = Build((police ?? (f => f))(register), CivilAffairs("dibao", At(2026, 3, 1)));
        var finding = Assert.Single(ShippedChecks.Find(profile));
        return (finding, new EvaluatedPerson(profile.PersonKey, [finding], null, null, null, "王秀英", "police"));
    }
}
