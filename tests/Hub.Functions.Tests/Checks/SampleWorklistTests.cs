using Hub.Core.Checks;
using Hub.Core.Feeds.Batches;
using Hub.Core.Identity.Keys;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Functions.Tests.Infrastructure;
using Hub.Functions.Tests.Persons;
using Hub.Samples;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Hub.Functions.Tests.Checks;

/// <summary>
/// The sample population's four registers and the police delta, pushed as <c>eng/run.sh</c> pushes them: the open
/// worklist is exactly what the generator's truth says (deaths and moves out with assistance running past their month,
/// certificates past their expiry, tenants in another tenant's household), person by person.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class SampleWorklistTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly Population Population = new PopulationGenerator(new PopulationOptions { Seed = 20250630, People = 600 }).Generate();
    private static readonly AssistanceType[] Assistance = [AssistanceType.Dibao, AssistanceType.LowIncome, AssistanceType.ExtremePoverty];

    private readonly PersonsHub _hub = new(azurite);

    public async Task InitializeAsync()
    {
        foreach (var (source, _, format) in SampleSet.Layout)
        {
            await PushAsync(source, FeedWriter.Compose(Population, ShippedSources.Get(source), new FeedWriterOptions { MistakeRate = 0 }), format, "snapshot");
        }

        await PushAsync("police", FeedWriter.ComposePoliceDelta(Population), SampleSet.PoliceDelta.Format, "delta");
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task The_open_worklist_of_the_sample_population_is_what_the_generators_truth_says()
    {
        var services = _hub.Factory.Services;
        var today = services.GetRequiredService<ProfileRules>().DayOf(services.GetRequiredService<TimeProvider>().GetUtcNow());
        var hasher = services.GetRequiredService<PersonKeyHasher>();
        var worklist = services.GetRequiredService<Hub.Core.Checks.Worklist>();

        var expected = Expected(today).Select(e => (e.Rule, hasher.Hash(e.Person.ResidentId).Value)).Order().ToList();
        var actual = new List<(string, string)>();
        foreach (var owner in worklist.Checks.Checks.Select(c => c.Owner).Distinct())
        {
            WorklistPosition? after = null;
            do
            {
                var page = await worklist.ListAsync(new WorklistScope(SourceId.Parse(owner), DivisionCode.Parse("110100000000")), WorklistStatus.Open, _ => true, after, 200, 10_000);
                actual.AddRange(page.Items.Select(i => (i.Rule, i.PersonKey.Value)));
                after = page.Next;
            }
            while (after is not null);
        }

        output.WriteLine($"Expected by rule: {string.Join(", ", expected.GroupBy(e => e.Item1).Select(g => $"{g.Key} {g.Count()}"))}; " +
            $"checks: {worklist.OperationsUsed} storage operations for {worklist.PersonsEvaluated} evaluated persons ({(double)worklist.OperationsUsed / worklist.PersonsEvaluated:F3} per person)");
        Assert.Contains(expected, e => e.Item1 == "benefit-after-death");
        Assert.Contains(expected, e => e.Item1 == "disability-certificate-expired");
        Assert.Equal(expected, actual.Order().ToList());
        Assert.InRange((double)worklist.OperationsUsed / worklist.PersonsEvaluated, 0, 0.1);
    }

    [Fact]
    public async Task A_register_sent_again_with_every_phone_changed_opens_nothing_new()
    {
        var worklist = _hub.Factory.Services.GetRequiredService<Hub.Core.Checks.Worklist>();
        var before = await AllAsync(worklist);
        var evaluated = worklist.PersonsEvaluated;

        // Every recipient's record changes, so every one of them is rebuilt and evaluated again, with the same benefits.
        var civil = FeedWriter.Compose(Population, ShippedSources.Get("civil-affairs"), new FeedWriterOptions { MistakeRate = 0 });
        var rows = civil.Rows.Select(r => r with { Values = new Dictionary<string, string?>(r.Values) { ["联系电话"] = "13700001111" } }).ToList();
        await PushAsync("civil-affairs", civil with { Rows = rows }, SampleSet.Layout.Single(l => l.Source == "civil-affairs").Format, "snapshot");

        Assert.True(worklist.PersonsEvaluated - evaluated >= civil.Rows.Select(r => r.Person.Number).Distinct().Count());
        Assert.NotEmpty(before);
        Assert.Equal(before, await AllAsync(worklist));
    }

    // One item per check, person and membership the generator's truth makes contradictory on the Hub's today.
    private static IEnumerable<(string Rule, Person Person)> Expected(DateOnly today)
    {
        foreach (var p in Population.People)
        {
            if ((p.DiedOn ?? p.MovedOutOn) is { } day)
            {
                var monthEnd = new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1);
                var rule = p.DiedOn is not null ? "benefit-after-death" : "benefit-after-move-out";
                foreach (var _ in p.Assistance.Where(a => Assistance.Contains(a.Type) && (a.To is null || a.To > monthEnd)))
                {
                    yield return (rule, p);
                }
            }

            if (p.Disability is { } d && d.ValidTo < today && p.DiedOn is null)
            {
                yield return ("disability-certificate-expired", p);
            }

            if (p.Tenancy is { } t && IsPublicHousingOn(t, today) && p.RelationToHead != Relation.Head && p.DiedOn is null && p.MovedOutOn is null
                && Population.People.Any(q => q != p && q.HouseholdNumber == p.HouseholdNumber && q.DiedOn is null && q.MovedOutOn is null && q.Tenancy is { } other && IsPublicHousingOn(other, today)))
            {
                yield return ("tenant-in-another-tenants-household", p);
            }
        }
    }

    private static bool IsPublicHousingOn(Tenancy tenancy, DateOnly day) =>
        tenancy.Type != HousingType.RentSubsidy && tenancy.From <= day && tenancy.To >= day;

    private static async Task<List<(string Id, string Status, int Steps)>> AllAsync(Hub.Core.Checks.Worklist worklist)
    {
        var all = new List<(string, string, int)>();
        foreach (var owner in worklist.Checks.Checks.Select(c => c.Owner).Distinct())
        {
            var page = await worklist.ListAsync(new WorklistScope(SourceId.Parse(owner), DivisionCode.Parse("110100000000")), null, _ => true, null, 10_000, 100_000);
            all.AddRange(page.Items.Select(i => (i.Id, WorklistStatusText.Of(i.Status), i.History.Count)));
        }

        return all.Order().ToList();
    }

    private async Task PushAsync(string source, SampleFeed feed, SampleFileFormat format, string mode)
    {
        using var stream = new MemoryStream();
        await FeedWriter.WriteAsync(feed, stream, format);
        var report = await _hub.Factory.CreatePublisherClient(source).PushAndWaitAsync(source, stream.ToArray(), ContentType(format), mode);
        Assert.True(report.Status == BatchStatus.Completed && report.Counts.Rejected == 0, $"The {source} feed was not taken whole: {report.FailureReason}");
    }

    private static string ContentType(SampleFileFormat format) => format switch
    {
        SampleFileFormat.CsvGb18030 => "text/csv; charset=gb18030",
        SampleFileFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        SampleFileFormat.Ndjson => "application/x-ndjson",
        _ => "text/csv",
    };
}
