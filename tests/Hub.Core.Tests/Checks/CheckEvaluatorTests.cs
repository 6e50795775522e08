using Hub.Core.Checks;
using Hub.Core.Kernel;
using static Hub.Core.Tests.Profiles.TestFacts;

namespace Hub.Core.Tests.Checks;

public sealed class CheckEvaluatorTests
{
    private static readonly PersonKey Tenant = KeyFor("tenant");

    [Fact]
    public void A_dibao_running_past_the_month_of_a_death_opens_an_item_for_civil_affairs_with_the_register_and_the_benefit_as_evidence()
    {
        var profile = Build(
            Police(At(2026, 5, 20), ("personStatus", "deceased"), ("deathDate", "2026-05-12")),
            CivilAffairs("dibao", At(2026, 3, 1)));

        var finding = Assert.Single(ShippedChecks.Find(profile));

        Assert.Equal(("benefit-after-death", "civil-affairs", Key), (finding.Rule.Id, finding.Rule.Owner, finding.PersonKey));
        var status = finding.Evidence[0];
        Assert.Equal((EvidenceKind.Status, "police", "police-20260520"), (status.Kind, status.Source, status.Batch));
        Assert.Equal("2026-05-12", status.Attributes["deathDate"]);
        var benefit = finding.Evidence[1];
        Assert.Equal((EvidenceKind.Membership, "civil-affairs", GroupId.Dibao), (benefit.Kind, benefit.Source, benefit.Group));
        Assert.Equal("2019-04-01", benefit.Attributes["validFrom"]);
        Assert.False(benefit.Attributes.ContainsKey("validTo"));
    }

    [Theory]
    [InlineData("2026-05-31", false)]
    [InlineData("2026-05-20", false)]
    [InlineData("2026-06-01", true)]
    public void A_benefit_civil_affairs_ended_by_the_end_of_the_month_of_the_death_is_no_contradiction(string validTo, bool found)
    {
        var profile = Build(
            Police(At(2026, 5, 20), ("personStatus", "deceased"), ("deathDate", "2026-05-12")),
            CivilAffairs("low-income", At(2026, 5, 25), ("validTo", validTo)));

        Assert.Equal(found, ShippedChecks.Find(profile).Any(f => f.Rule.Id == "benefit-after-death"));
    }

    [Fact]
    public void A_living_recipient_and_a_benefit_the_checks_do_not_name_open_nothing()
    {
        Assert.Empty(ShippedChecks.Find(Build(Police(At(2026, 5, 20)), CivilAffairs("dibao", At(2026, 3, 1)))));
        Assert.Empty(ShippedChecks.Find(Build(
            Police(At(2026, 5, 20), ("personStatus", "deceased"), ("deathDate", "2026-05-12")),
            CivilAffairs("elderly-alone", At(2026, 3, 1)))));
    }

    [Fact]
    public void Assistance_running_after_a_move_out_of_the_city_opens_an_item_and_one_ended_that_month_does_not()
    {
        var moved = Police(At(2026, 4, 20), ("personStatus", "moved-out"), ("movedOutOn", "2026-04-10"));

        var finding = Assert.Single(ShippedChecks.Find(Build(moved, CivilAffairs("extreme-poverty", At(2026, 3, 1)))));
        Assert.Equal("benefit-after-move-out", finding.Rule.Id);
        Assert.Equal("2026-04-10", finding.Evidence[0].Attributes["movedOutOn"]);
        Assert.Empty(ShippedChecks.Find(Build(moved, CivilAffairs("extreme-poverty", At(2026, 4, 25), ("validTo", "2026-04-30")))));
    }

    [Fact]
    public void An_expired_disability_certificate_still_on_the_register_opens_an_item_for_the_federation()
    {
        var finding = Assert.Single(ShippedChecks.Find(Build(Police(At(2026, 5, 20)), DisabilityFederation(At(2026, 3, 1), ("validTo", "2026-05-19")))));

        Assert.Equal(("disability-certificate-expired", "disability-federation"), (finding.Rule.Id, finding.Rule.Owner));
        Assert.Equal("2026-05-19", Assert.Single(finding.Evidence).Attributes["validTo"]);
    }

    [Fact]
    public void A_valid_renewed_dropped_or_deceased_holders_certificate_opens_nothing()
    {
        var expired = ("validTo", (string?)"2026-05-19");
        Assert.Empty(ShippedChecks.Find(Build(Police(At(2026, 5, 20)), DisabilityFederation(At(2026, 3, 1)))));
        Assert.Empty(ShippedChecks.Find(Build(
            Police(At(2026, 5, 20)),
            DisabilityFederation(At(2026, 3, 1), expired),
            DisabilityFederation(At(2026, 5, 20), ("validFrom", "2026-05-20"), ("validTo", "2036-05-19")) with { Discriminator = "renewed" })));
        Assert.Empty(ShippedChecks.Find(Build(Police(At(2026, 5, 20)), DisabilityFederation(At(2026, 3, 1), expired) with { EndedAt = At(2026, 6, 1) })));
        Assert.Empty(ShippedChecks.Find(Build(Police(At(2026, 5, 20), ("personStatus", "deceased"), ("deathDate", "2026-05-12")), DisabilityFederation(At(2026, 3, 1), expired))));
    }

    [Fact]
    public void A_tenant_registered_in_another_tenants_household_opens_an_item_for_housing_security_naming_the_other_member()
    {
        var member = Build(Police(At(2026, 5, 20), ("relationToHead", "child")), HousingSecurity(At(2026, 3, 1)));
        var head = Peer(Tenant, present: true, new DateOnly(2025, 1, 1), lastDay: null);

        Assert.Empty(ShippedChecks.Find(member));
        var finding = Assert.Single(ShippedChecks.Find(member, head));

        Assert.Equal(("tenant-in-another-tenants-household", "housing-security"), (finding.Rule.Id, finding.Rule.Owner));
        Assert.Equal([EvidenceKind.Membership, EvidenceKind.Household, EvidenceKind.HouseholdMember], finding.Evidence.Select(e => e.Kind));
        Assert.Equal(Tenant, finding.Evidence[2].Member);
        Assert.Equal("child", finding.Evidence[1].Attributes["relationToHead"]);
    }

    [Fact]
    public void The_head_a_member_without_a_lease_of_their_own_and_a_departed_or_expired_tenant_beside_them_open_nothing()
    {
        var member = Build(Police(At(2026, 5, 20), ("relationToHead", "child")), HousingSecurity(At(2026, 3, 1)));
        var head = Build(Police(At(2026, 5, 20)), HousingSecurity(At(2026, 3, 1)));

        Assert.Empty(ShippedChecks.Find(head, Peer(Tenant, present: true, new DateOnly(2025, 1, 1), null)));
        Assert.Empty(ShippedChecks.Find(Build(Police(At(2026, 5, 20), ("relationToHead", "child"))), Peer(Tenant, present: true, new DateOnly(2025, 1, 1), null)));
        Assert.Empty(ShippedChecks.Find(member, Peer(Tenant, present: false, new DateOnly(2025, 1, 1), null)));
        Assert.Empty(ShippedChecks.Find(member, Peer(Tenant, present: true, new DateOnly(2022, 1, 1), new DateOnly(2026, 5, 31))));
    }

    [Fact]
    public void The_same_facts_in_any_order_and_from_later_batches_give_the_same_item_id()
    {
        var police = Police(At(2026, 5, 20), ("personStatus", "deceased"), ("deathDate", "2026-05-12"));
        var dibao = CivilAffairs("dibao", At(2026, 3, 1));
        var once = Assert.Single(ShippedChecks.Find(Build(police, dibao)));

        var reversed = Assert.Single(ShippedChecks.Find(Build(dibao, police)));
        var resent = Assert.Single(ShippedChecks.Find(Build(police with { LastBatch = "police-later" }, dibao with { LastBatch = "civil-later" })));
        var otherDeath = Assert.Single(ShippedChecks.Find(Build(Police(At(2026, 5, 20), ("personStatus", "deceased"), ("deathDate", "2026-05-02")), dibao)));

        Assert.Equal(once.ItemId, reversed.ItemId);
        Assert.Equal(once.ItemId, resent.ItemId);
        Assert.NotEqual(once.ItemId, otherDeath.ItemId);
        Assert.Matches(WorklistRows.IdPattern, once.ItemId);
        Assert.StartsWith(Key.Value[..3], once.ItemId, StringComparison.Ordinal);
        Assert.Equal(Key.PartitionKey, WorklistRows.ItemPartition(once.ItemId)[WorklistRows.ItemPrefix.Length..]);
    }

    private static HouseholdPeer Peer(PersonKey key, bool present, DateOnly from, DateOnly? lastDay) =>
        new(key, present, [new PeerMembership(GroupId.PublicHousing, from, lastDay, "housing-security", "housing-20260301")]);
}
