using Hub.Core.Audit;
using Hub.Core.Kernel;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Functions.Tests.Audit;

[Collection(AzuriteFixture.Collection)]
public sealed class AuditAlertsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ReviewDay = Start.AddDays(3);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly Dictionary<string, List<long>> _sequences = [];
    private AuditTestStorage _audit = null!;

    public async Task InitializeAsync()
    {
        _audit = await AuditTestStorage.CreateAsync(azurite);
        await using var log = _audit.CreateLog(_time);

        // "steady" opens five persons an hour, 09:00-11:00, on each of the three days before the review day.
        for (var day = 0; day < 3; day++)
        {
            for (var hour = 9; hour <= 11; hour++)
            {
                for (var n = 0; n < 5; n++)
                {
                    await AppendAsync(log, Start.AddDays(day).AddHours(hour).AddMinutes(n), "steady-history", AuditTestStorage.Read(n, Person(n), user: "steady"));
                }
            }
        }

        // On the review day: "steady" opens 30 persons in the 10:00 hour, six times their usual hour.
        for (var n = 0; n < 30; n++)
        {
            await AppendAsync(log, ReviewDay.AddHours(10).AddMinutes(n), "steady-bulk", AuditTestStorage.Read(n, Person(1000 + n), user: "steady"));
        }

        // "lister" lists 250 persons at once in the 14:00 hour: above the ceiling of 200, with no history at all.
        await AppendAsync(log, ReviewDay.AddHours(14), "lister", AuditTestStorage.Read(1, user: "lister") with { Action = AuditAction.DivisionList, PersonKeys = Enumerable.Range(2000, 250).Select(Person).ToList(), RecordCount = 250 });

        // "newcomer" opens 25 persons in an hour with no history: neither above the ceiling nor against a baseline.
        for (var n = 0; n < 25; n++)
        {
            await AppendAsync(log, ReviewDay.AddHours(15).AddMinutes(n), "newcomer", AuditTestStorage.Read(n, Person(3000 + n), user: "newcomer"));
        }

        await AppendAsync(log, ReviewDay.AddHours(16), "medic", AuditTestStorage.Read(1, Person(7), user: "medic", breakGlass: "unconscious at home, family unreachable"));
        await AppendAsync(log, ReviewDay.AddHours(17), "far", AuditTestStorage.Read(1, Person(8), user: "far", outcome: AuditOutcome.Denied));
        await AppendAsync(log, ReviewDay.AddHours(17.5), "far", AuditTestStorage.Read(2, user: "far", outcome: AuditOutcome.Denied) with { Action = AuditAction.PersonLookup });

        // Refusals that are not attempts at a person's data, and a break-glass use the day after, raise nothing here.
        await AppendAsync(log, ReviewDay.AddHours(18), "other", AuditTestStorage.Read(1, user: "publisher", outcome: AuditOutcome.Denied) with { Action = AuditAction.FeedPush });
        await AppendAsync(log, ReviewDay.AddDays(1).AddHours(1), "other", AuditTestStorage.Read(1, Person(9), user: "medic", breakGlass: "again"));
    }

    public async Task DisposeAsync() => await _audit.DisposeAsync();

    [Fact]
    public async Task Every_break_glass_use_of_the_range_is_an_alert_with_its_event()
    {
        var alerts = await FindAsync();

        var alert = Assert.Single(alerts, a => a.Kind == AuditAlertKind.BreakGlass);
        Assert.Equal("medic", alert.UserId);
        Assert.Equal(_sequences["medic"], alert.Sequences);
    }

    [Fact]
    public async Task Refused_attempts_at_persons_data_are_one_alert_per_user_listing_every_attempt()
    {
        var alerts = await FindAsync();

        var alert = Assert.Single(alerts, a => a.Kind == AuditAlertKind.DeniedPersonAccess);
        Assert.Equal("far", alert.UserId);
        Assert.Equal(_sequences["far"], alert.Sequences);
        Assert.Contains("person.read", alert.Detail, StringComparison.Ordinal);
        Assert.Contains("person.lookup", alert.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_hour_far_above_the_users_own_baseline_is_bulk_access()
    {
        var alerts = await FindAsync();

        var alert = Assert.Single(alerts, a => a.Kind == AuditAlertKind.BulkAccess && a.UserId == "steady");
        Assert.Equal(30, alert.PersonCount);
        Assert.Equal(ReviewDay.AddHours(10), alert.From);
        Assert.Equal(_sequences["steady-bulk"], alert.Sequences);
        Assert.Contains("median hour of 5", alert.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_hour_above_the_ceiling_is_bulk_access_without_any_baseline_and_below_it_without_one_is_not()
    {
        var alerts = await FindAsync();

        var alert = Assert.Single(alerts, a => a.Kind == AuditAlertKind.BulkAccess && a.UserId == "lister");
        Assert.Equal(250, alert.PersonCount);
        Assert.Contains("ceiling of 200", alert.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(alerts, a => a.UserId == "newcomer");
    }

    [Fact]
    public async Task A_lower_configured_ceiling_alerts_sooner()
    {
        var alerts = await new AuditAlerts(_audit.Storage, Options.Create(new AuditOptions { BulkAccessPerHour = 24 })).FindAsync(ReviewDay, ReviewDay.AddDays(1));

        Assert.Contains(alerts, a => a.Kind == AuditAlertKind.BulkAccess && a.UserId == "newcomer" && a.PersonCount == 25);
    }

    [Fact]
    public async Task Alerts_never_quote_purposes_or_break_glass_reasons()
    {
        var alerts = await FindAsync();

        Assert.All(alerts, a => Assert.DoesNotContain("unconscious", a.Detail, StringComparison.Ordinal));
        Assert.All(alerts, a => Assert.DoesNotContain("case-2025", a.Detail, StringComparison.Ordinal));
    }

    private static PersonKey Person(int n) => AuditTestStorage.Person(n);

    private Task<IReadOnlyList<AuditAlert>> FindAsync() =>
        new AuditAlerts(_audit.Storage, Options.Create(new AuditOptions())).FindAsync(ReviewDay, ReviewDay.AddDays(1));

    private async Task AppendAsync(AuditLog log, DateTimeOffset at, string label, AuditEvent auditEvent)
    {
        _time.SetUtcNow(at);
        var record = await log.AppendAsync(auditEvent);
        if (!_sequences.TryGetValue(label, out var list))
        {
            _sequences[label] = list = [];
        }

        list.Add(record.Sequence);
    }
}
