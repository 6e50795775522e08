using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;
using Hub.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Tests.Shared;

/// <summary>
/// A pipeline policy for table clients that records every request once storage has answered it, by table and by
/// whether it writes, and can hold a table's writes until released. Holding a table shows what a caller waits for:
/// if it is answered while the writes are held, it did not wait for them.
/// </summary>
/// <remarks>
/// A transaction goes to the account's <c>$batch</c> endpoint, so its table is read from the requests inside it.
/// </remarks>
internal sealed partial class TableRequestLog : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<(string Table, bool Write, int Entities)> _answered = new();

    // Writes answered per table, kept beside the queue: a trigger is checked on every write, and counting the queue each
    // time made a long run's log cost more than the requests it logs.
    private readonly ConcurrentDictionary<string, int> _writes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Table, string Shape), long> _reads = new();
    private readonly List<(string Table, int Writes, Action Action)> _triggers = [];

    /// <summary>Writes to <paramref name="table"/> answered so far.</summary>
    public int Writes(string table) => _writes.GetValueOrDefault(table);

    /// <summary>Requests of any kind to <paramref name="table"/> answered so far.</summary>
    public int Requests(string table) => _answered.Count(r => r.Table == table);

    /// <summary>
    /// Per table: requests, writes and the entities they touched (a transaction touches each entity inside it, which is
    /// what a partition's scale target counts; a read counts one) answered so far.
    /// </summary>
    public IReadOnlyDictionary<string, (long Requests, long Writes, long Entities)> Totals() =>
        _answered.GroupBy(r => r.Table, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ((long)g.Count(), (long)g.Count(r => r.Write), (long)g.Sum(r => r.Entities)), StringComparer.Ordinal);

    /// <summary>Per table: the entities written so far (each entity inside a transaction counts; reads do not).</summary>
    public IReadOnlyDictionary<string, long> EntitiesWritten() =>
        _answered.Where(r => r.Write).GroupBy(r => r.Table, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Sum(r => r.Entities), StringComparer.Ordinal);

    /// <summary>
    /// Reads answered so far, per table and shape: <c>point</c> for a read of one row by its keys, else the query's
    /// filter with every literal replaced by <c>…</c> (<c>PartitionKey eq … and RowKey ge …</c>), or <c>scan</c> without one.
    /// An emulator that answers every query by filtering the whole table shows here which reads grow with the store.
    /// </summary>
    public IReadOnlyDictionary<(string Table, string Shape), long> ReadShapes() => _reads.ToDictionary();

    /// <summary>Holds every write to <paramref name="table"/> (reads pass) until the returned handle is disposed.</summary>
    public IDisposable HoldWrites(string table)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _held[table] = gate;
        return new Release(() =>
        {
            _held.TryRemove(table, out _);
            gate.TrySetResult();
        });
    }

    /// <summary>
    /// Runs <paramref name="action"/> once, as soon as <paramref name="count"/> more writes to <paramref name="table"/> have
    /// been answered: a fault (a cancellation, a crash) injected at a chosen point of a long job.
    /// </summary>
    public void AfterWrites(string table, int count, Action action)
    {
        lock (_triggers)
        {
            _triggers.Add((table, Writes(table) + count, action));
        }
    }

    /// <summary>Replaces the Hub's table client with one that carries this log (and the Hub's operation counter).</summary>
    public void AddTo(IServiceCollection services, string connectionString) => services.AddTableClientWith(connectionString, this);

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var (table, write, entities) = await ClassifyAsync(message.Request);
        if (write && _held.TryGetValue(table, out var gate))
        {
            await gate.Task;
        }

        await ProcessNextAsync(message, pipeline);
        _answered.Enqueue((table, write, entities));
        if (write)
        {
            _writes.AddOrUpdate(table, 1, (_, n) => n + 1);
            Trigger(table);
        }
        if (!write)
        {
            _reads.AddOrUpdate((table, ShapeOf(message.Request.Uri)), 1, (_, n) => n + 1);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    private void Trigger(string table)
    {
        List<Action> due;
        lock (_triggers)
        {
            var writes = Writes(table);
            due = [.. _triggers.Where(t => t.Table == table && writes >= t.Writes).Select(t => t.Action)];
            _triggers.RemoveAll(t => t.Table == table && writes >= t.Writes);
        }

        due.ForEach(action => action());
    }

    private static async Task<(string Table, bool Write, int Entities)> ClassifyAsync(Request request)
    {
        var write = request.Method != RequestMethod.Get && request.Method != RequestMethod.Head;
        var path = request.Uri.Path;
        if (!path.EndsWith("/$batch", StringComparison.Ordinal) || request.Content is null)
        {
            var segment = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).FirstOrDefault() ?? string.Empty;
            return (TableSplit.LogicalName(segment.Split('(')[0]), write, 1);
        }

        using var body = new MemoryStream();
        await request.Content.WriteToAsync(body, CancellationToken.None);
        var inner = InnerRequest().Matches(Encoding.UTF8.GetString(body.ToArray()));
        return (inner.Count > 0 ? TableSplit.LogicalName(inner[0].Groups["table"].Value) : "$batch", write, Math.Max(1, inner.Count));
    }

    private static string ShapeOf(RequestUriBuilder uri)
    {
        if (uri.Path.EndsWith(')') && !uri.Path.EndsWith("()", StringComparison.Ordinal))
        {
            return "point";
        }

        var filter = uri.Query.TrimStart('?').Split('&')
            .Where(p => p.StartsWith("$filter=", StringComparison.Ordinal))
            .Select(p => Uri.UnescapeDataString(p["$filter=".Length..].Replace('+', ' ')))
            .FirstOrDefault();
        return filter is null ? "scan" : Literal().Replace(filter, "…");
    }

    [GeneratedRegex(@"\b(?:datetime|guid|X)'[^']*'|'(?:[^']|'')*'|\b\d+L?\b")]
    private static partial Regex Literal();

    [GeneratedRegex(@"(?:POST|PUT|PATCH|MERGE|DELETE) \S+?/(?<table>[A-Za-z0-9]+)(?:[(?][^ ]*)? HTTP/1\.1")]
    private static partial Regex InnerRequest();

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }
}
