using Hub.Samples.Corruption;
using Hub.Samples.Quality;

namespace Hub.Samples.Tests.Quality;

public sealed class HardPresetTests
{
    private static readonly QualityOptions Hard = new() { Preset = QualityPresetName.Hard, People = 3000, Seed = 7, WithoutIds = true, WithoutSex = true };

    [Fact]
    public void Without_ids_every_row_goes_through_matching_and_every_corruption_is_measured_on_its_own()
    {
        var report = QualityHarness.Run(Hard, ShippedMatchRules.Default);

        var labels = report.Breakdown.ToDictionary(b => b.Label, b => b.Rows);
        Assert.Equal(0, report.KeyedRecords);
        Assert.Equal(report.Records, report.Totals.Rows + report.RejectedRecords + report.RepeatedRecords);
        Assert.All(Enum.GetValues<CorruptionKind>(), kind => Assert.True(labels.GetValueOrDefault($"corrupted {kind}") > 0, $"no row counted under {kind}"));
        Assert.DoesNotContain(labels.Keys, l => l.StartsWith("id ", StringComparison.Ordinal));
        Assert.Equal(QualityTargets.Hard, report.Targets);
    }

    [Fact]
    public void The_hard_feeds_are_the_same_for_the_same_seed_and_leave_out_every_id_and_sex_when_asked()
    {
        var population = new PopulationGenerator(QualityPreset.Population(Hard)).Generate();

        var first = QualityPreset.Feeds(Hard, population);
        var second = QualityPreset.Feeds(Hard, new PopulationGenerator(QualityPreset.Population(Hard)).Generate());
        var other = QualityPreset.Feeds(Hard with { Seed = 8 }, new PopulationGenerator(QualityPreset.Population(Hard with { Seed = 8 })).Generate());

        Assert.Equal(first.SelectMany(f => f.Rows).Select(r => r.Values), second.SelectMany(f => f.Rows).Select(r => r.Values));
        Assert.NotEqual(first.SelectMany(f => f.Rows).Count(), other.SelectMany(f => f.Rows).Count());
        foreach (var feed in first)
        {
            var gone = feed.Source.Fields.Where(f => f.Attribute is "residentId" or "disabilityCertificate" or "sex").Select(f => f.Column).ToList();
            Assert.All(feed.Rows, r => Assert.All(gone, c => Assert.Null(r.Values[c])));
        }
    }

    [Fact]
    public void The_hard_preset_reads_rows_without_any_division_rather_than_rejecting_them()
    {
        var report = QualityHarness.Run(Hard with { Corruptions = CorruptionRates.None.With(CorruptionKind.NoDivision, 1), WithoutSex = false }, ShippedMatchRules.Default);
        var standard = QualityPreset.Reading(new QualityOptions(), ShippedSources.Get(ShippedSources.CivilAffairs));

        Assert.Equal(report.Totals.Rows, report.Breakdown.Single(b => b.Label == "corrupted NoDivision").Rows);
        Assert.Contains(standard.Fields, f => f.Attribute == "residenceDivision" && f.Required);
    }

    [Fact]
    public void Every_order_of_the_feeds_is_run_once_and_the_first_is_the_report_s_own()
    {
        var report = QualityHarness.Run(Hard with { People = 600, AllOrders = true }, ShippedMatchRules.Default);

        Assert.Equal(24, report.Orders.Select(o => string.Join('>', o.Order)).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(report.Order, report.Orders[0].Order);
        Assert.Equal(report.Totals, report.Orders[0].Totals);
        Assert.Equal(report.Orders.Max(o => o.Recall) - report.Orders.Min(o => o.Recall), report.OrderSpread);
        Assert.All(report.Orders, o => Assert.Equal(report.Totals.Rows, o.Totals.Rows));
    }
}
