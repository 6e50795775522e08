using System.Net.Http.Json;
using System.Text;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Core.Feeds.Batches;
using Hub.Core.Kernel;
using Hub.Core.Quality;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Persons;
using Hub.Samples;
using Xunit.Abstractions;

namespace Hub.Functions.Tests.Quality;

/// <summary>
/// The sample departments' feeds, with mistakes (30% of the rows) and stale residences (20% of the people) put in on purpose, pushed as <c>eng/run.sh</c>
/// pushes them: the data-quality figures are the counts the sample generator's truth gives, row by row and person by
/// person.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class SampleQualityTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly Population Population = new PopulationGenerator(new PopulationOptions { Seed = 20250630, People = 400 }).Generate();

    // Mistakes that reject a row, make its ID number unusable, or are repaired, so every figure has rows to count.
    private static readonly HashSet<MistakeKind> Mistakes =
        [MistakeKind.MissingRequiredValue, MistakeKind.MissingId, MistakeKind.MistypedIdDigit, MistakeKind.WrongCheckCharacter, MistakeKind.TraditionalCharacters, MistakeKind.PhoneCountryCode];

    private readonly PersonsHub _hub = new(azurite);
    private readonly Dictionary<string, (SampleFeed Feed, BatchReport Report)> _snapshots = [];
    private (SampleFeed Feed, BatchReport Report) _delta;

    public async Task InitializeAsync()
    {
        // The police register first and clean, so every other department's residences are compared with the truth.
        foreach (var source in new[] { ShippedSources.Police, ShippedSources.CivilAffairs, ShippedSources.DisabilityFederation, ShippedSources.HousingSecurity })
        {
            var options = source == ShippedSources.Police
                ? new FeedWriterOptions { MistakeRate = 0 }
                : new FeedWriterOptions { MistakeRate = 0.3, Mistakes = Mistakes, StaleResidenceRate = 0.2 };
            var feed = FeedWriter.Compose(Population, ShippedSources.Get(source), options);
            _snapshots[source] = (feed, await PushAsync(source, feed, SampleSet.Layout.Single(l => l.Source == source).Format, "snapshot"));
        }

        var delta = FeedWriter.ComposePoliceDelta(Population);
        _delta = (delta, await PushAsync(ShippedSources.Police, delta, SampleSet.PoliceDelta.Format, "delta"));
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Each_departments_figures_are_the_counts_of_the_sample_feeds_truth()
    {
        using var administrator = _hub.As("admin-1", HubRoles.Administrator, "110100000000");

        var operations = _hub.Factory.StorageOperations.Count;
        var city = (await administrator.GetFromJsonAsync<CityQualityView>("/api/quality", FeedClient.Json))!;
        output.WriteLine($"GET /api/quality for the city: {_hub.Factory.StorageOperations.Count - operations} storage operations, audit included");

        Assert.Equal(ShippedSources.Ids.Order(StringComparer.Ordinal), city.Sources.Select(s => s.Source));
        foreach (var source in city.Sources.Where(s => s.Source != ShippedSources.Police))
        {
            var (feed, report) = _snapshots[source.Source];
            var figures = source.Latest!;
            var accepted = feed.Rows.Where(r => !IsRejected(feed, r)).ToList();
            var missing = feed.Rows.Where(r => IsRejected(feed, r)).GroupBy(r => r.Mistakes.Single().Column).ToDictionary(g => g.Key, g => (long)g.Count());
            output.WriteLine($"{source.Source}: {feed.Rows.Count} rows, rejected {figures.Rejected} ({figures.RejectionRate:P1}), kept without ID {figures.KeptWithoutId}, residence disagreement {Residence(figures)?.Rate:P1}");

            Assert.NotEmpty(missing);
            Assert.Equal(report.Id, figures.BatchId);
            Assert.True(figures.Recorded);
            Assert.Equal((feed.Rows.Count, (long)(feed.Rows.Count - accepted.Count)), (figures.Received, figures.Rejected));
            Assert.Equal(missing, figures.Rejections.ToDictionary(r => r.Field!, r => r.Rows));
            Assert.All(figures.Rejections, r => Assert.Equal("required value is missing", r.Reason));
            Assert.Equal(feed.Rows.Count(r => r.Rejected && !IsRejected(feed, r)), figures.KeptWithoutId);
            Assert.Equal(accepted.Count, Completeness(figures, "name").Rows);
            var phone = feed.Source.Fields.Single(f => f.Attribute == "phone").Column;
            Assert.Equal(accepted.Count(r => !string.IsNullOrEmpty(r.Values.GetValueOrDefault(phone))), Completeness(figures, "phone").Rows);
            Assert.Equal(QualityCalculator.Ratio(figures.Rejected, figures.Received), figures.RejectionRate);

            var (compared, differing) = ResidenceTruth(feed, _snapshots[ShippedSources.Police].Feed);
            var police = Assert.Single(Residence(figures)!.ByDepartment, d => d.Source == ShippedSources.Police);
            Assert.True(differing > 0, "the stale residences must show");
            Assert.Equal((compared, differing), (police.Compared, police.Differing));
        }
    }

    [Fact]
    public async Task The_police_figures_follow_the_delta_its_deaths_and_how_late_they_arrived()
    {
        using var officer = _hub.As("officer-police", HubRoles.DepartmentOfficer, "110105000000", department: ShippedSources.Police);

        var police = (await officer.GetFromJsonAsync<SourceQuality>("/api/quality/police", FeedClient.Json))!;
        var moved = (await officer.GetFromJsonAsync<BatchQualityReport>($"/api/quality/police/batches/{_delta.Report.Id}", FeedClient.Json))!;

        var snapshot = _snapshots[ShippedSources.Police].Report;
        Assert.Equal([snapshot.Id, _delta.Report.Id], police.Trend.Select(p => p.BatchId));
        Assert.Equal(_delta.Report.ReceivedAt, police.Timeliness.NewestBatchAt);
        Assert.Equal(snapshot.ReceivedAt, police.Timeliness.SnapshotAt);
        Assert.InRange(police.Timeliness.SnapshotAgeDays!.Value, 0, 1);

        var arrived = ChinaStandardTime.DateOf(_delta.Report.ReceivedAt);
        var lags = _delta.Feed.Rows.Select(r => arrived.DayNumber - r.Person.DiedOn!.Value.DayNumber).ToList();
        var lag = police.Latest!.Lag!;
        Assert.NotEmpty(lags);
        Assert.True(lag.Changes >= lags.Count, $"{lag.Changes} changes with a stated date for {lags.Count} deaths");
        Assert.Equal(lags.Max(), lag.MaxDays);
        Assert.True(police.Timeliness.MaxLagDays >= lag.MaxDays, "the trend reaches over the snapshot too, whose deaths are older");

        Assert.Equal(snapshot.Id, moved.PreviousBatchId);
        var rejection = Assert.Single(moved.Movements, m => m.Figure == "rejectionRate");
        Assert.Equal((0.0, 0.0), (rejection.Before, rejection.After));
        var meanLag = Assert.Single(moved.Movements, m => m.Figure == "meanLagDays");
        Assert.Equal(Math.Round(lag.MeanDays!.Value, 4), meanLag.After);
        Assert.Equal(police.Trend[0].MeanLagDays, meanLag.Before);
    }

    [Fact]
    public async Task The_csv_export_gives_every_figure_a_row_safe_for_a_spreadsheet_and_each_read_is_audited_once()
    {
        using var integrator = _hub.Factory.CreatePublisherClient(ShippedSources.CivilAffairs);
        var before = (await _hub.EventsAsync()).Count(e => e.Event.Action.Value == "quality.read");

        using var response = await integrator.GetAsync(new Uri("/api/quality/export", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        await integrator.GetAsync(new Uri("/api/quality/civil-affairs", UriKind.Relative));

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("source,batch,received_at,mode,figure,subject,other_source,count,total,rate", lines[0]);
        var (feed, report) = _snapshots[ShippedSources.CivilAffairs];
        var rejected = feed.Rows.Count(r => IsRejected(feed, r));
        Assert.Contains(lines, l => l.StartsWith($"civil-affairs,{report.Id},", StringComparison.Ordinal) && l.Contains($",rejected,,,{rejected},{feed.Rows.Count},", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",disagreement,residenceDivision,police,", StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.StartsWith("civil-affairs,", l, StringComparison.Ordinal));

        var reads = (await _hub.EventsAsync()).Where(e => e.Event.Action.Value == "quality.read").Skip(before).ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.Equal(AuditOutcome.Allowed, r.Event.Outcome));
        Assert.EndsWith("quality export sources=civil-affairs", reads[0].Event.Resource, StringComparison.Ordinal);
        Assert.EndsWith("quality source=civil-affairs", reads[1].Event.Resource, StringComparison.Ordinal);
    }

    // A required value left empty rejects the row, unless it is the ID number's: a row without a usable ID number is kept
    // for matching by the shipped sources, whatever made the number unusable.
    private static bool IsRejected(SampleFeed feed, SampleRow row) =>
        row.Mistakes.Any(m => m.Kind == MistakeKind.MissingRequiredValue && m.Column != feed.Source.IdField?.Column);

    private static CompletenessFigure Completeness(QualityFigures figures, string attribute) => Assert.Single(figures.Completeness, c => c.Attribute == attribute);

    private static DisagreementFigure? Residence(QualityFigures figures) => figures.Disagreements.SingleOrDefault(d => d.Attribute == "residenceDivision");

    // Persons for whom the department's rows kept with an ID number and the police register both give a residence
    // division, and those whose divisions differ (a stale snapshot), from the cells as written.
    private static (long Compared, long Differing) ResidenceTruth(SampleFeed feed, SampleFeed police)
    {
        static string? Division(SampleFeed f, SampleRow r) =>
            r.Values.GetValueOrDefault(f.Source.Fields.Single(x => x.Attribute == "residenceDivision").Column) is { Length: > 0 } code ? code.PadRight(12, '0') : null;

        var register = police.Rows.GroupBy(r => r.Person.Number).ToDictionary(g => g.Key, g => g.Select(r => Division(police, r)).OfType<string>().ToHashSet());
        long compared = 0, differing = 0;
        foreach (var person in feed.Rows.Where(r => !r.Rejected).GroupBy(r => r.Person.Number))
        {
            var mine = person.Select(r => Division(feed, r)).OfType<string>().ToHashSet();
            if (mine.Count == 0 || !register.TryGetValue(person.Key, out var theirs) || theirs.Count == 0)
            {
                continue;
            }

            compared++;
            differing += mine.Overlaps(theirs) ? 0 : 1;
        }

        return (compared, differing);
    }

    private async Task<BatchReport> PushAsync(string source, SampleFeed feed, SampleFileFormat format, string mode)
    {
        using var stream = new MemoryStream();
        await FeedWriter.WriteAsync(feed, stream, format);
        var report = await _hub.Factory.CreatePublisherClient(source).PushAndWaitAsync(source, stream.ToArray(), ContentType(format), mode);
        Assert.True(report.Status == BatchStatus.Completed, $"The {source} feed did not complete: {report.FailureReason}");
        return report;
    }

    internal static string ContentType(SampleFileFormat format) => format switch
    {
        SampleFileFormat.CsvGb18030 => "text/csv; charset=gb18030",
        SampleFileFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        SampleFileFormat.Ndjson => "application/x-ndjson",
        _ => "text/csv",
    };

    private sealed record CityQualityView(IReadOnlyList<SourceQuality> Sources);
}
