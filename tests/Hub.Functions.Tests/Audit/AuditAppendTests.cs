using System.Globalization;
using Azure;
using Hub.Core.Audit;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Hub.Functions.Tests.Audit;

[Collection(AzuriteFixture.Collection)]
public sealed class AuditAppendTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private AuditTestStorage _audit = null!;

    public async Task InitializeAsync() => _audit = await AuditTestStorage.CreateAsync(azurite);

    public async Task DisposeAsync() => await _audit.DisposeAsync();

    [Fact]
    public async Task Two_hub_instances_appending_at_once_extend_one_chain_without_a_fork()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var first = _audit.CreateLog(time);
        await using var second = _audit.CreateLog(time);

        var records = await Task.WhenAll(Enumerable.Range(1, 300).Select(n => (n % 2 == 0 ? first : second).AppendAsync(AuditTestStorage.Read(n))));
        var verification = await new AuditVerifier(_audit.Storage).VerifyAsync(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 1));

        Assert.Equal(Enumerable.Range(1, 300).Select(n => (long)n), records.Select(r => r.Sequence).Order());
        Assert.True(verification.Intact, verification.FirstFinding?.Detail);
        Assert.Equal(300, verification.EventsChecked);
    }

    [Fact]
    public async Task A_verification_made_while_events_are_appended_finds_the_chain_intact()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var log = _audit.CreateLog(time);
        await log.AppendAsync(AuditTestStorage.Read(0));
        using var appending = new CancellationTokenSource();
        var appender = Task.Run(async () =>
        {
            for (var n = 1; !appending.IsCancellationRequested; n++)
            {
                await log.AppendAsync(AuditTestStorage.Read(n));
            }
        });

        var verifications = new List<AuditVerification>();
        for (var round = 0; round < 15; round++)
        {
            verifications.Add(await new AuditVerifier(_audit.Storage).VerifyAsync(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 1)));
        }

        await appending.CancelAsync();
        await appender;
        Assert.All(verifications, v => Assert.True(v.Intact, v.FirstFinding?.Detail));
        Assert.True(verifications[^1].EventsChecked > verifications[0].EventsChecked, "events should have been appended during the verifications");
    }

    [Fact]
    public async Task The_chain_carries_over_into_the_next_day_even_for_an_instance_that_still_writes_to_yesterday()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 23, 59, 0, TimeSpan.Zero));
        await using var early = _audit.CreateLog(time);
        await using var late = _audit.CreateLog(time);
        for (var n = 1; n <= 3; n++)
        {
            await early.AppendAsync(AuditTestStorage.Read(n));
        }

        time.Advance(TimeSpan.FromMinutes(2));
        await late.AppendAsync(AuditTestStorage.Read(4));
        var fromYesterdaysHead = await early.AppendAsync(AuditTestStorage.Read(5));
        var verification = await new AuditVerifier(_audit.Storage).VerifyAsync(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 2));
        var today = (await _audit.Storage.Audit.GetEntityAsync<AuditChainHeadEntity>(AuditPartitions.ForDay(new DateOnly(2025, 3, 2)), AuditPartitions.HeadRow)).Value;

        Assert.Equal(5, fromYesterdaysHead.Sequence);
        Assert.True(verification.Intact, verification.FirstFinding?.Detail);
        Assert.Equal(5, verification.EventsChecked);
        Assert.Equal((3L, 5L), (today.StartSequence, today.Sequence));
    }

    [Fact]
    public async Task Appending_costs_one_storage_operation_per_event_alone_and_far_less_under_load()
    {
        await using var log = _audit.CreateLog();
        await log.AppendAsync(AuditTestStorage.Read(0));
        await log.FlushPersonIndexAsync();

        var alone = await OperationsPerEventAsync(log, async () =>
        {
            for (var n = 1; n <= 20; n++)
            {
                await log.AppendAsync(AuditTestStorage.Read(n));
            }
        }, 20);
        var aloneWithPerson = await OperationsPerEventAsync(log, async () =>
        {
            for (var n = 1; n <= 20; n++)
            {
                await log.AppendAsync(AuditTestStorage.Read(n, AuditTestStorage.Person(n)));
            }
        }, 20);
        var underLoad = await OperationsPerEventAsync(log, () => Task.WhenAll(Enumerable.Range(1, 500).Select(n => log.AppendAsync(AuditTestStorage.Read(n)))), 500);
        var underLoadWithPerson = await OperationsPerEventAsync(log, () => Task.WhenAll(Enumerable.Range(1, 500).Select(n => log.AppendAsync(AuditTestStorage.Read(n, AuditTestStorage.Person(n % 50))))), 500);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"storage operations per event, chain + person index: alone {alone.Chain:0.00} + {alone.Index:0.00}, alone with a person {aloneWithPerson.Chain:0.00} + {aloneWithPerson.Index:0.00}, 500 at once {underLoad.Chain:0.00} + {underLoad.Index:0.00}, 500 at once over 50 persons {underLoadWithPerson.Chain:0.00} + {underLoadWithPerson.Index:0.00}"));

        Assert.Equal(1.0, alone.Chain, precision: 2);
        Assert.Equal(1.0, aloneWithPerson.Chain, precision: 2);
        Assert.True(aloneWithPerson.Index <= 1.5, $"{aloneWithPerson.Index} person-index operations per event alone");
        Assert.True(underLoad.Chain < 0.2, $"{underLoad.Chain} operations per event under load");
        Assert.True(underLoadWithPerson.Chain < 0.2, $"{underLoadWithPerson.Chain} operations per event under load with persons");
        Assert.True(underLoadWithPerson.Index < 1.0, $"{underLoadWithPerson.Index} person-index operations per event under load");
    }

    [Fact]
    public async Task A_failed_write_reaches_the_caller_so_the_hub_does_not_answer()
    {
        await using var log = _audit.CreateLog();
        await _audit.Storage.Audit.DeleteAsync();

        await Assert.ThrowsAnyAsync<RequestFailedException>(() => log.AppendAsync(AuditTestStorage.Read(1)));
    }

    [Fact]
    public async Task An_event_with_too_many_person_keys_is_refused_before_it_is_written()
    {
        await using var log = _audit.CreateLog();
        var list = AuditTestStorage.Read(1) with { PersonKeys = Enumerable.Range(1, AuditEvent.MaxPersonKeys + 1).Select(AuditTestStorage.Person).ToList() };

        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(list));
    }

    /// <summary>Operations per event on the chain's table, and on the person index's once it has caught up.</summary>
    private async Task<(double Chain, double Index)> OperationsPerEventAsync(AuditLog log, Func<Task> append, int events)
    {
        var (audit, index) = (_audit.Storage.Audit.Name, _audit.Storage.AuditByPerson.Name);
        var (chainBefore, indexBefore) = (_audit.Requests.Requests(audit), _audit.Requests.Requests(index));
        await append();
        var chain = _audit.Requests.Requests(audit) - chainBefore;
        await log.FlushPersonIndexAsync();
        return ((double)chain / events, (double)(_audit.Requests.Requests(index) - indexBefore) / events);
    }
}
