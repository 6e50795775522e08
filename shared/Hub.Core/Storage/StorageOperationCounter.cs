using Azure.Core;
using Azure.Core.Pipeline;

namespace Hub.Core.Storage;

/// <summary>
/// Counts every request the storage clients send, retries included: storage operations are the Hub's cloud
/// bill, so they are measured, not estimated.
/// </summary>
public sealed class StorageOperationCounter : HttpPipelineSynchronousPolicy
{
    private long _count;

    /// <summary>Publishes the count as the <c>hub.storage.operations</c> metric.</summary>
    public StorageOperationCounter() =>
        Kernel.HubTelemetry.Meter.CreateObservableCounter("hub.storage.operations", () => Count, unit: "{request}", description: "Requests sent to storage, retries included.");

    /// <summary>Requests sent since start-up.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
