using System.Threading.Channels;
using Hub.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Hub.Core.Audit;

/// <summary>
/// Keeps the person index (<see cref="AuditPersonIndex"/>) up with the chain, off the request path: one loop per
/// process takes the events its <see cref="AuditLog"/> has chained, writes their rows, and moves the cursor over the
/// prefix of the chain that is wholly indexed.
/// </summary>
/// <remarks>
/// Events chained while a round is in flight are written together in the next one, so rows of many chain
/// transactions share the index's transactions, as group commit does for the chain. The cursor row is written at
/// most once per <see cref="CursorInterval"/> (and when asked, and at shutdown): a search reads the chain after it,
/// so a cursor a second behind costs a search a few more events read, never completeness. Events this loop was not
/// handed (another instance's, or its own before a failure or a crash) leave a gap; the loop fills it by reading
/// the chain after the cursor ("catching up") before its first round, once a gap has stood for
/// <see cref="GapGrace"/>, after a failure (with a growing delay), and when asked (the checkpoint timer). Instances
/// each index what they chain and catch up over each other's events: rows are upserts, and the cursor only moves
/// forward. A failure never reaches a caller: it is logged, and the chain keeps every event for the catch-up. While
/// requests are being answered (events keep being chained), every index transaction is followed by a pause
/// (<see cref="AuditIndexPacing"/>), so readers on the same storage do not queue behind the index.
/// </remarks>
internal sealed partial class AuditPersonIndexer : IAsyncDisposable
{
    private const int MaxEventsPerRound = 1000;

    private static readonly TimeSpan CursorInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long a round lets events gather before writing, so rows of many events share transactions.</summary>
    private static readonly TimeSpan GatherWindow = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan GapGrace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LastRetry = TimeSpan.FromMinutes(5);

    private readonly Channel<Work> _work = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly AuditPersonIndex _index;
    private readonly AuditChainReader _chain;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AuditIndexPacing _pacing;
    private readonly Lazy<Task> _loop;

    // What is indexed; null until the first catch-up, and again after a failure.
    private AuditIndexedPrefix? _indexed;
    private long _cursorStored;
    private DateTimeOffset _cursorWrittenAt;
    private DateTimeOffset? _gapSince;
    private DateTimeOffset? _retryAt;
    private TimeSpan _retryDelay = FirstRetry;

    // Chain transactions handed over so far, and as many as the pacing last saw.
    private long _handedOver;
    private long _handedOverSeen;

    public AuditPersonIndexer(HubStorage storage, TimeProvider time, double busyShare, ILogger logger)
    {
        _pacing = new AuditIndexPacing(busyShare, HandedOverSinceAsked);
        _index = new AuditPersonIndex(storage);
        _chain = new AuditChainReader(storage);
        _time = time;
        _logger = logger;
        _loop = new Lazy<Task>(() => Task.Run(RunAsync));
    }

    /// <summary>Hands over the events of one chain transaction; returns at once.</summary>
    public void Enqueue(string partition, IReadOnlyList<AuditRecord> records)
    {
        Interlocked.Increment(ref _handedOver);
        if (_work.Writer.TryWrite(new Chained(partition, records)))
        {
            _ = _loop.Value;
        }
    }

    /// <summary>Indexes every chained event after the cursor, reading the chain, and writes the cursor.</summary>
    public Task CatchUpAsync(CancellationToken cancellationToken) => AskAsync(catchUp: true, cancellationToken);

    /// <summary>Waits until the events handed over so far are indexed and the cursor says so.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => AskAsync(catchUp: false, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _work.Writer.TryComplete();
        if (_loop.IsValueCreated)
        {
            await _loop.Value.ConfigureAwait(false);
        }
    }

    private async Task AskAsync(bool catchUp, CancellationToken cancellationToken)
    {
        var request = new Request(catchUp);
        ObjectDisposedException.ThrowIf(!_work.Writer.TryWrite(request), this);
        _ = _loop.Value;
        await request.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var chained = new List<Chained>();
        var requests = new List<Request>();
        while (await WaitAsync().ConfigureAwait(false))
        {
            if (!_work.Reader.Completion.IsCompleted)
            {
                await Task.Delay(GatherWindow).ConfigureAwait(false);
            }

            chained.Clear();
            requests.Clear();
            var events = 0;
            while (events < MaxEventsPerRound && _work.Reader.TryRead(out var work))
            {
                if (work is Chained transaction)
                {
                    chained.Add(transaction);
                    events += transaction.Records.Count;
                }
                else
                {
                    requests.Add((Request)work);
                }
            }

            try
            {
                await IndexAsync(chained, catchUp: requests.Exists(r => r.CatchUp), asked: requests.Count > 0).ConfigureAwait(false);
                await WriteCursorAsync(due: requests.Count > 0).ConfigureAwait(false);
                requests.ForEach(r => r.Done.TrySetResult());
            }
            catch (Exception ex)
            {
                Fail(ex);
                requests.ForEach(r => r.Done.TrySetException(ex));
            }
        }

        try
        {
            await WriteCursorAsync(due: true).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogCursorNotWritten(_logger, ex, _indexed?.Through.Sequence ?? 0);
        }
    }

    private async Task IndexAsync(List<Chained> chained, bool catchUp, bool asked)
    {
        var now = _time.GetUtcNow();
        if (_retryAt > now && !asked)
        {
            // Storage failed lately: these events stay in the chain for the catch-up after the delay.
            return;
        }

        if (catchUp || _indexed is null || now - _gapSince >= GapGrace)
        {
            await CatchUpFromChainAsync().ConfigureAwait(false);
        }

        var indexed = _indexed!;
        var fresh = chained.Where(c => !indexed.Contains(c.Records[^1].Sequence)).ToList();
        if (fresh.Count > 0)
        {
            var records = fresh.SelectMany(c => c.Records.Where(r => !indexed.Contains(r.Sequence)).Select(r => (c.Partition, r))).ToList();
            await _index.WriteAsync(records, _pacing, CancellationToken.None).ConfigureAwait(false);
            fresh.ForEach(c => indexed.Add(c.Partition, c.Records[0].Sequence, c.Records[^1].Sequence));
        }

        NoteGap();
        (_retryAt, _retryDelay) = (null, FirstRetry);
    }

    /// <summary>Indexes the chain after the stored cursor or this loop's own prefix, whichever is further, in rounds.</summary>
    private async Task CatchUpFromChainAsync()
    {
        var stored = await _index.ReadCursorAsync(CancellationToken.None).ConfigureAwait(false);
        _cursorStored = stored?.Sequence ?? 0;
        var indexed = _indexed ??= new AuditIndexedPrefix(stored ?? new ChainCursor(string.Empty, 0));
        if (stored is not null)
        {
            indexed.MoveTo(stored);
        }

        long first = 0, last = 0;
        await foreach (var (partition, events) in _chain.ReadAfterAsync(indexed.Through, CancellationToken.None).ConfigureAwait(false))
        {
            // Rows the Hub wrote only: a row out of its place is the verifier's finding, not an access to index.
            foreach (var round in events.Where(e => e.RowKey == AuditPartitions.EventRow(e.Sequence)).Chunk(MaxEventsPerRound))
            {
                await _index.WriteAsync(round.Where(e => !indexed.Contains(e.Sequence)).Select(e => (partition, e.ToRecord())), _pacing, CancellationToken.None).ConfigureAwait(false);
                (first, last) = (first == 0 ? round[0].Sequence : first, round[^1].Sequence);
                indexed.MoveTo(new ChainCursor(partition, last));

                // A long catch-up (a rebuilt index) keeps what it has done if the process stops.
                await WriteCursorAsync(due: false).ConfigureAwait(false);
            }
        }

        if (first > 0)
        {
            LogCaughtUp(_logger, first, last);
        }
    }

    private async Task WriteCursorAsync(bool due)
    {
        if (_indexed?.Through is not { } through || through.Sequence <= _cursorStored || (!due && _time.GetUtcNow() - _cursorWrittenAt < CursorInterval))
        {
            return;
        }

        var stored = await _index.AdvanceCursorAsync(through, CancellationToken.None).ConfigureAwait(false);
        (_cursorStored, _cursorWrittenAt) = (stored.Sequence, _time.GetUtcNow());

        // Another instance may have indexed further: everything up to its cursor is done.
        _indexed.MoveTo(stored);
        NoteGap();
    }

    /// <summary>
    /// Whether requests are being answered: events were chained since the pacing last asked (one index transaction and
    /// its pause ago). Not whether events wait: a backlog waits after the requests have stopped, and is then written at
    /// full speed.
    /// </summary>
    private bool HandedOverSinceAsked()
    {
        var handedOver = Interlocked.Read(ref _handedOver);
        var busy = handedOver != _handedOverSeen;
        _handedOverSeen = handedOver;
        return busy;
    }

    private void NoteGap() => _gapSince = _indexed is { HasGap: true } ? _gapSince ?? _time.GetUtcNow() : null;

    private void Fail(Exception exception)
    {
        // Forget what is only known in memory; the catch-up starts again from the stored cursor.
        LogIndexFailed(_logger, exception, _indexed?.Through.Sequence ?? _cursorStored, _retryDelay.TotalSeconds);
        (_indexed, _gapSince, _retryAt) = (null, null, _time.GetUtcNow() + _retryDelay);
        _retryDelay = _retryDelay * 2 < LastRetry ? _retryDelay * 2 : LastRetry;
    }

    /// <summary>Waits for work, or until the cursor, a gap or a retry is due; false once disposed and drained.</summary>
    private async Task<bool> WaitAsync()
    {
        var due = _retryAt ?? _gapSince + GapGrace;
        if (_indexed?.Through is { } through && through.Sequence > _cursorStored)
        {
            var cursorDue = _cursorWrittenAt + CursorInterval;
            due = due is null || cursorDue < due ? cursorDue : due;
        }

        if (due - _time.GetUtcNow() is not { } delay)
        {
            return await _work.Reader.WaitToReadAsync().ConfigureAwait(false);
        }

        if (delay <= TimeSpan.Zero)
        {
            return !_work.Reader.Completion.IsCompleted;
        }

        using var timeout = new CancellationTokenSource(delay, _time);
        try
        {
            return await _work.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return true;
        }
    }

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "The audit person index could not be written beyond event {Through}; the chain keeps the events, and the index catches up in {RetrySeconds} s")]
    private static partial void LogIndexFailed(ILogger logger, Exception exception, long through, double retrySeconds);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Debug, Message = "The audit person index caught up from the chain over events {First}-{Last}")]
    private static partial void LogCaughtUp(ILogger logger, long first, long last);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "The audit person index cursor could not be written at shutdown (indexed through event {Through}); the next catch-up reads the chain from the stored cursor")]
    private static partial void LogCursorNotWritten(ILogger logger, Exception exception, long through);

    private abstract record Work;

    private sealed record Chained(string Partition, IReadOnlyList<AuditRecord> Records) : Work;

    private sealed record Request(bool CatchUp) : Work
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
