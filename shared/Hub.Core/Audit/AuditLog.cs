using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Hub.Core.Kernel;
using Hub.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Core.Audit;

/// <summary>
/// Appends audit events to the hash chain. Every caller awaits its own event's durable write: when
/// <see cref="AppendAsync"/> returns, the event is in the chain; when it throws, the caller must not send its answer
/// (the Hub answers 503 instead).
/// </summary>
/// <remarks>
/// Group commit: one writer loop per process takes every event waiting when it becomes free (up to 99, the
/// most a transaction holds beside the head) and writes them in one transaction. A lone event is written at once,
/// without waiting for company; under load, events arriving while a transaction is in flight form the next
/// group, so storage operations per event fall as the load rises. The "who looked at this person" index is derived
/// from the chain after the callers are released (<see cref="AuditPersonIndexer"/>), so a request costs one audit
/// write; a search by person reads the chain's tail beyond the index, so it misses no answered request.
/// </remarks>
public sealed partial class AuditLog : IAsyncDisposable
{
    private static readonly Counter<long> Appended = HubTelemetry.Meter.CreateCounter<long>("hub.audit.events", unit: "{event}", description: "Audit events appended to the chain.");

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly AuditChain _chain;
    private readonly AuditPersonIndexer _indexer;
    private readonly ILogger<AuditLog> _logger;
    private readonly Lazy<Task> _writer;

    /// <summary>Creates the log; its writer loop starts with the first event.</summary>
    public AuditLog(HubStorage storage, TimeProvider time, IOptions<AuditOptions> options, ILogger<AuditLog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _chain = new AuditChain(storage, time);
        _indexer = new AuditPersonIndexer(storage, time, options.Value.PersonIndexBusyShare, logger);
        _logger = logger;
        _writer = new Lazy<Task>(() => Task.Run(WriteLoopAsync));
    }

    /// <summary>Records one event and returns it as chained, once it is durable.</summary>
    /// <exception cref="ArgumentException">The event is incomplete or too large to record.</exception>
    /// <remarks>Throws when storage refused or could not be reached (see <see cref="StorageFailures"/>); the event is not recorded.</remarks>
    public async Task<AuditRecord> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        auditEvent.Validate();
        var pending = new Pending(auditEvent);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        _ = _writer.Value;

        // A caller that gives up still leaves its event to be written: the access it records has happened.
        return await pending.Written.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Brings the person index up to the chain: indexes every chained event after the index's cursor (events of
    /// other instances, or of a process that stopped before indexing them) and moves the cursor. The checkpoint
    /// timer calls it; re-indexing an event is harmless.
    /// </summary>
    /// <remarks>Throws when storage refused or could not be reached (see <see cref="StorageFailures"/>); the next catch-up tries again.</remarks>
    public Task CatchUpPersonIndexAsync(CancellationToken cancellationToken = default) => _indexer.CatchUpAsync(cancellationToken);

    /// <summary>Waits until the events chained so far by this log are indexed and the index's cursor says so.</summary>
    internal Task FlushPersonIndexAsync(CancellationToken cancellationToken = default) => _indexer.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer.IsValueCreated)
        {
            await _writer.Value.ConfigureAwait(false);
        }

        await _indexer.DisposeAsync().ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<Pending>(AuditChain.MaxEventsPerTransaction);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            while (group.Count < AuditChain.MaxEventsPerTransaction && _queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
            }

            try
            {
                var (partition, records) = await _chain.AppendAsync(group.ConvertAll(p => p.Event), CancellationToken.None).ConfigureAwait(false);
                Appended.Add(records.Count);
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Written.TrySetResult(records[i]);
                }

                _indexer.Enqueue(partition, records);
            }
            catch (Exception ex)
            {
                _chain.Reset();
                LogAppendFailed(_logger, ex, group.Count);
                group.ForEach(p => p.Written.TrySetException(ex));
            }
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Error, Message = "{Count} audit events could not be appended to the chain")]
    private static partial void LogAppendFailed(ILogger logger, Exception exception, int count);

    private sealed record Pending(AuditEvent Event)
    {
        public TaskCompletionSource<AuditRecord> Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
