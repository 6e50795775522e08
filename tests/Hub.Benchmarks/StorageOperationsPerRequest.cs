using Azure.Data.Tables;
using Hub.Core.Audit;
using Hub.Core.Storage;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Benchmarks;

/// <summary>
/// Counts the storage requests and audit events one read costs, audit included. The storage counter lives inside
/// the Hub, so this runs the same Hub build in-process against the same storage, with its queue and timer triggers
/// off (their polling would count too), and sends each scenario's requests with the load generator's concurrency.
/// The audit trail's share is counted by table: chain transactions (<c>audit</c>), which a request waits for, and the
/// "who looked at this person" index (<c>auditbyperson</c>), written after the answer and counted once it settles.
/// </summary>
internal sealed class StorageOperationsPerRequest : IAsyncDisposable
{
    public const int RequestsPerScenario = 400;

    private readonly int _concurrency;
    private readonly TableRequestLog _tables = new();
    private readonly BenchmarkHub _hub;
    private readonly TableClient _audit;

    public StorageOperationsPerRequest(string storage, int concurrency)
    {
        _concurrency = concurrency;
        _audit = new TableServiceClient(storage).GetTableClient("audit");
        _hub = new BenchmarkHub(
            storage,
            prefix: string.Empty,
            new Dictionary<string, string>
            {
                ["Hub:Triggers:RunLocally"] = "false",
                ["Hub:RateLimits:TokenLimit"] = "1000000",
                ["Hub:RateLimits:TokensPerPeriod"] = "1000000",
            },
            services => _tables.AddTo(services, storage));
    }

    public BenchmarkHub Hub => _hub;

    public async Task<RequestCost> MeasureAsync(ReadScenario scenario, CancellationToken cancellationToken = default)
    {
        using var client = _hub.CreateClient();

        // This Hub's rosters start cold too: its first list pages wait as long as the setup's did (ReadTargets.NextPagesAsync).
        client.Timeout = TimeSpan.FromMinutes(30);
        var counter = _hub.Services.GetRequiredService<StorageOperationCounter>();
        await SendAsync(client, scenario, 0, _concurrency, cancellationToken);
        await SettleAsync(cancellationToken);
        var (operations, chain, index, audited) = (counter.Count, _tables.Writes("audit"), _tables.Writes("auditbyperson"), await AuditSequenceAsync(cancellationToken));
        var before = _tables.Totals();
        await SendAsync(client, scenario, _concurrency, RequestsPerScenario, cancellationToken);
        await SettleAsync(cancellationToken);
        const double n = RequestsPerScenario;
        var after = _tables.Totals();
        return new RequestCost(
            (counter.Count - operations) / n,
            (await AuditSequenceAsync(cancellationToken) - audited) / n,
            (_tables.Writes("audit") - chain) / n,
            (_tables.Writes("auditbyperson") - index) / n)
        {
            Tables = after.ToDictionary(
                t => t.Key,
                t => ((t.Value.Requests - before.GetValueOrDefault(t.Key).Requests) / n, (t.Value.Entities - before.GetValueOrDefault(t.Key).Entities) / n),
                StringComparer.Ordinal),
        };
    }

    // The person index is written after the answers; wait until its writes stop before reading the counts.
    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        var last = -1;
        while (_tables.Writes("auditbyperson") is var now && now != last)
        {
            last = now;
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    private async Task SendAsync(HttpClient client, ReadScenario scenario, int first, int count, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(Enumerable.Range(first, count), new ParallelOptions { MaxDegreeOfParallelism = _concurrency, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var request = scenario.Requests[(int)((i * 7919L) % scenario.Requests.Count)];
            using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(request.Path, UriKind.Relative));
            foreach (var (name, value) in request.Headers)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await client.SendAsync(message, token);
            response.EnsureSuccessStatusCode();
        });

    // The chain head of today's partition carries the last sequence number written; a run does not cross midnight UTC.
    private async Task<long> AuditSequenceAsync(CancellationToken cancellationToken)
    {
        var head = await _audit.GetEntityIfExistsAsync<TableEntity>(AuditPartitions.ForDay(DateTimeOffset.UtcNow), AuditPartitions.HeadRow, cancellationToken: cancellationToken);
        return head.HasValue ? head.Value!.GetInt64("Sequence") ?? 0 : 0;
    }
}
