using Azure.Data.Tables;
using Hub.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Benchmarks;

/// <summary>
/// Counts the storage requests and audit events one read costs, audit included. The storage counter lives inside
/// the Hub, so this runs the same Hub build in-process against the same storage, with its queue and timer triggers
/// off (their polling would count too), and sends each scenario's requests with the load generator's concurrency.
/// </summary>
internal sealed class StorageOperationsPerRequest(string storage, int concurrency) : IAsyncDisposable
{
    public const int RequestsPerScenario = 400;

    private readonly BenchmarkHub _hub = new(storage, prefix: string.Empty, new Dictionary<string, string>
    {
        ["Hub:Triggers:RunLocally"] = "false",
        ["Hub:RateLimits:TokenLimit"] = "1000000",
        ["Hub:RateLimits:TokensPerPeriod"] = "1000000",
    });

    private readonly TableClient _audit = new TableServiceClient(storage).GetTableClient("audit");

    public async Task<(double StorageOperations, double AuditEvents)> MeasureAsync(ReadScenario scenario, CancellationToken cancellationToken = default)
    {
        using var client = _hub.CreateClient();
        var counter = _hub.Services.GetRequiredService<StorageOperationCounter>();
        await SendAsync(client, scenario, 0, concurrency, cancellationToken);
        var (operations, audited) = (counter.Count, await AuditSequenceAsync(cancellationToken));
        await SendAsync(client, scenario, concurrency, RequestsPerScenario, cancellationToken);
        return ((double)(counter.Count - operations) / RequestsPerScenario, (double)(await AuditSequenceAsync(cancellationToken) - audited) / RequestsPerScenario);
    }

    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    private async Task SendAsync(HttpClient client, ReadScenario scenario, int first, int count, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(Enumerable.Range(first, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (i, token) =>
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
        var partition = "d" + DateTimeOffset.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var head = await _audit.GetEntityIfExistsAsync<TableEntity>(partition, "head", cancellationToken: cancellationToken);
        return head.HasValue ? head.Value!.GetInt64("Sequence") ?? 0 : 0;
    }
}
