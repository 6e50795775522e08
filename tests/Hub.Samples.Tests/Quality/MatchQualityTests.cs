using System.Globalization;
using System.Text.RegularExpressions;
using Hub.Core.Identity.Matching;
using Hub.Samples.Quality;
using Hub.Tests.Shared;
using Xunit.Abstractions;

namespace Hub.Samples.Tests.Quality;

public sealed partial class MatchQualityTests(QualityRun run, ITestOutputHelper output) : IClassFixture<QualityRun>
{
    private QualityReport Report => run.Report;

    [Fact]
    public void The_shipped_rules_link_precisely_and_find_the_people_already_indexed_on_the_standard_preset()
    {
        var targets = QualityTargets.Standard;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {Report.Options.Seed}, {Report.Options.People:N0} people, {Report.Records:N0} records, {Report.Totals.Rows:N0} matched without a usable ID, order {string.Join(" > ", Report.Order)}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"precision of automatic links {Report.Precision:0.0000} ({Report.Totals.LinkedCorrectly} right, {Report.Totals.LinkedWrongly} wrong)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recall on arrival {Report.Totals.RecallOnArrival:0.0000} ({Report.Totals.LinkedCorrectly + Report.Totals.QueuedWithTruth} of {Report.Totals.KnownOnArrival})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"findable rows found {Report.Recall:0.0000} ({Report.Totals.Found} of {Report.Totals.Findable})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"steward queue per 10,000 records {Report.QueuePer10000Records:0.0} ({Report.Totals.Queued} queued)"));

        // The matcher's own recall: what it finds among the people the index already held. The recall over every
        // findable row also counts rows that arrived before their person's other records, which no matcher can find.
        Assert.True(Report.Precision >= targets.Precision, $"precision {Report.Precision:0.0000} is below {targets.Precision}");
        Assert.True(Report.Totals.RecallOnArrival >= targets.Recall, $"recall on arrival {Report.Totals.RecallOnArrival:0.0000} is below {targets.Recall}");
        Assert.True(Report.QueuePer10000Records <= targets.QueuePer10000Records, $"queue {Report.QueuePer10000Records:0.0} is above {targets.QueuePer10000Records}");
    }

    [Fact]
    public void The_preset_holds_enough_hard_cases_for_the_figures_to_mean_something()
    {
        var rows = Report.Breakdown.ToDictionary(b => b.Label, b => b.Rows);

        Assert.InRange(Report.Totals.Rows, 800, 2000);
        Assert.True(Report.Totals.Findable >= 500, "too few rows whose person has another record: recall would be noise");
        Assert.True(Report.Totals.Rows - Report.Totals.Findable >= 300, "too few rows whose person has no other record: precision would be untested");
        Assert.All(
            ["id MissingId", "id ScientificNotation", "id MistypedIdDigit", "id WrongCheckCharacter", "id DroppedCheckCharacter"],
            label => Assert.True(rows.GetValueOrDefault(label) >= 50, $"{label}: {rows.GetValueOrDefault(label)} rows"));
        Assert.All(
            ["with PreviousResidence", "with PreviousPhone", "with TraditionalCharacters", "twins", "namesakes"],
            label => Assert.True(rows.GetValueOrDefault(label) >= 20, $"{label}: {rows.GetValueOrDefault(label)} rows"));
    }

    [Fact]
    public void Every_row_is_counted_once_as_keyed_matched_rejected_or_repeated_and_every_matched_row_once_by_outcome()
    {
        var totals = Report.Totals;

        Assert.Equal(Report.Records, Report.KeyedRecords + totals.Rows + Report.RejectedRecords + Report.RepeatedRecords);
        Assert.Equal(totals.Rows, totals.Linked + totals.Queued + totals.NewPersons);
        Assert.Equal(totals.Rows, Report.Breakdown.Where(b => b.Label.StartsWith("source ", StringComparison.Ordinal)).Sum(b => b.Rows));
        Assert.True(totals.NewPersonsWithTruth <= totals.NewPersons);
        Assert.True(totals.Found <= totals.Findable);
    }

    [Fact]
    public void The_harness_catches_rules_that_link_too_eagerly()
    {
        // The shipped weights, but low thresholds, no rival and nothing that rules out an automatic link: namesakes get linked.
        var shipped = File.ReadAllText(ShippedFiles.MatchingRules);
        var loose = BlocksAutoMatch().Replace(shipped, string.Empty);
        loose = MatchThreshold().Replace(loose, "\"match\": 12");
        loose = PossibleThreshold().Replace(loose, "\"possibleMatch\": 6");
        loose = RivalThreshold().Replace(loose, "\"rival\": 6");

        var report = QualityHarness.Run(new QualityOptions(), MatchRules.Parse(loose));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loose rules: precision {report.Precision:0.0000}, {report.Totals.LinkedWrongly} wrong links"));

        Assert.True(report.Precision < QualityTargets.Standard.Precision, $"loose rules still reached precision {report.Precision:0.0000}");
        Assert.False(report.MeetsTargets);
    }

    [Fact]
    public void The_same_seed_gives_the_same_report_and_another_seed_another()
    {
        var small = new QualityOptions { People = 4000, Seed = 11 };

        var first = QualityHarness.Run(small, ShippedMatchRules.Default);
        var second = QualityHarness.Run(small, ShippedMatchRules.Default);
        var other = QualityHarness.Run(small with { Seed = 12 }, ShippedMatchRules.Default);

        Assert.Equal(first.Totals, second.Totals);
        Assert.Equal(first.Breakdown, second.Breakdown);
        Assert.Equal(first.Levels, second.Levels);
        Assert.NotEqual(first.Totals, other.Totals);
    }

    [Fact]
    public void The_level_observations_show_that_agreement_marks_the_same_person()
    {
        var name = Report.Levels.Where(l => l.Field == MatchField.Name).ToList();
        var exact = name.Single(l => l.Level == ComparisonLevel.Exact);

        Assert.True(exact.SamePerson > 0.9 * name.Sum(l => l.SamePerson));
        Assert.True(exact.RandomPairs < 0.01 * name.Sum(l => l.RandomPairs));
    }

    [Fact]
    public void Every_level_shows_the_rules_the_estimate_without_the_truth_and_the_observed_m_and_u()
    {
        var rules = ShippedMatchRules.Default;

        Assert.All(rules.Fields.SelectMany(f => f.Levels.Select(l => (f.Field, l.Key, l.Value))), weighed =>
        {
            var level = Report.Levels.Single(l => l.Field == weighed.Field && l.Level == weighed.Key);
            Assert.Equal(weighed.Value, level.Rules);
            Assert.NotNull(level.Estimated);
        });
        Assert.All(Report.Levels.Where(l => l.Level == ComparisonLevel.Missing), l => Assert.Null(l.Estimated));

        // u is chance agreement, as the random pairs measured it; m is the estimate's own.
        Assert.All(Report.Levels.Where(l => l.ObservedURandom > 0), l => Assert.Equal(l.ObservedURandom!.Value, l.Estimated!.Value.U, 5));
    }

    [Fact]
    public void On_the_standard_preset_the_estimate_without_the_truth_comes_close_to_the_truth()
    {
        var wellSeen = Report.Levels.Where(l => l.Level != ComparisonLevel.Missing && l.SamePerson >= 100).ToList();

        Assert.NotEmpty(wellSeen);
        Assert.All(wellSeen, l => Assert.True(Math.Abs(l.Estimated!.Value.M - l.ObservedM!.Value) <= 0.1, $"{l.Field} {l.Level}: estimated m {l.Estimated!.Value.M:0.000}, observed {l.ObservedM:0.000}"));
        Assert.Equal([MatchField.Name, MatchField.BirthDate, MatchField.Phone], Report.EstimateSessions.Select(s => s.Agreeing));
        // Within 0.015 of the true share of same-person pairs: the birth date's pairs (found by the date alone) share a
        // generation's names and places beyond chance, which the estimate takes for a little more sameness.
        Assert.All(Report.EstimateSessions.Take(2), s => Assert.Equal(s.TrueMatchShare, s.MatchShare, 0.015));
        Assert.All(Report.EstimateSessions, s => Assert.Contains(s.Agreeing, s.LeftOut));
    }

    [GeneratedRegex(@",\s*""blocksAutoMatch"":\s*\[[^\]]*\]")]
    private static partial Regex BlocksAutoMatch();

    [GeneratedRegex(@"""match"":\s*\d+")]
    private static partial Regex MatchThreshold();

    [GeneratedRegex(@"""possibleMatch"":\s*\d+")]
    private static partial Regex PossibleThreshold();

    [GeneratedRegex(@"""rival"":\s*\d+")]
    private static partial Regex RivalThreshold();
}
