using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Hub.Core.Storage;
using Hub.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Hub.Core.Audit;

/// <summary>
/// Appends audit events to the hash chain. Every caller awaits its own event's durable write: when
/// <see cref="AppendAsync"/> returns, the event and its person-index rows are stored; when it throws, the caller
/// must not send its answer (the Hub answers 503 instead).
/// </summary>
/// <remarks>
/// Group commit: one writer loop per process takes every event waiting when it becomes free (up to 99, the
/// most a transaction holds beside the head) and writes them in one transaction. A lone event is written at once,
/// without waiting for company; under load, events arriving while a transaction is in flight form the next
/// group, so storage operations per event fall as the load rises.
/// </remarks>
public sealed partial class AuditLog : IAsyncDisposable
{
    private static readonly Counter<long> Appended = HubTelemetry.Meter.CreateCounter<long>("hub.audit.events", unit: "{event}", description: "Audit events appended to the chain.");

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly AuditChain _chain;
    private readonly AuditPersonIndex _index;
    private readonly ILogger<AuditLog> _logger;
    private readonly SemaphoreSlim _indexWriters = new(8);
    private readonly Lazy<Task> _writer;

    /// <summary>Creates the log; its writer loop starts with the first event.</summary>
    public AuditLog(HubStorage storage, TimeProvider time, ILogger<AuditLog> logger)
    {
        _chain = new AuditChain(storage, time);
        _index = new AuditPersonIndex(storage);
        _logger = logger;
        _writer = new Lazy<Task>(() => Task.Run(WriteLoopAsync));
    }

    /// <summary>Records one event and returns it as chained, once it is durable.</summary>
    /// <exception cref="ArgumentException">The event is incomplete or too large to record.</exception>
    /// <exception cref="Azure.RequestFailedException">Storage refused or could not be reached; the event is not recorded.</exception>
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

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer.IsValueCreated)
        {
            await _writer.Value.ConfigureAwait(false);
        }

        _indexWriters.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<Pending>(AuditChain.MaxEventsPerTransaction);
        var indexing = new List<Task>();
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
                indexing.RemoveAll(t => t.IsCompleted);
                indexing.Add(IndexThenCompleteAsync(partition, records, [.. group]));
            }
            catch (Exception ex)
            {
                _chain.Reset();
                LogAppendFailed(_logger, ex, group.Count);
                group.ForEach(p => p.Written.TrySetException(ex));
            }
        }

        await Task.WhenAll(indexing).ConfigureAwait(false);
    }

    /// <summary>Writes the person index beside the next chain transaction, then releases the group's callers.</summary>
    private async Task IndexThenCompleteAsync(string partition, IReadOnlyList<AuditRecord> records, Pending[] group)
    {
        await _indexWriters.WaitAsync().ConfigureAwait(false);
        try
        {
            await _index.WriteAsync(partition, records, CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < group.Length; i++)
            {
                group[i].Written.TrySetResult(records[i]);
            }
        }
        catch (Exception ex)
        {
            LogIndexFailed(_logger, ex, records[0].Sequence, records[^1].Sequence);
            Array.ForEach(group, p => p.Written.TrySetException(ex));
        }
        finally
        {
            _indexWriters.Release();
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Error, Message = "{Count} audit events could not be appended to the chain")]
    private static partial void LogAppendFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "Audit events {First}-{Last} are chained but their person index could not be written")]
    private static partial void LogIndexFailed(ILogger logger, Exception exception, long first, long last);

    private sealed record Pending(AuditEvent Event)
    {
        public TaskCompletionSource<AuditRecord> Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
