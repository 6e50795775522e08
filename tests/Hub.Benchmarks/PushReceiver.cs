using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Hub.Core.Exchange;

namespace Hub.Benchmarks;

/// <summary>
/// A subscriber's endpoint on the loopback address, as a departmental system would run one: it checks each delivery's
/// signature and freshness, counts its events and the distinct event ids, records when it arrived, and answers 204
/// (401 to a delivery whose signature does not verify). It keeps the bodies, so the same deliveries can be posted
/// again without the Hub for the baseline.
/// </summary>
internal sealed class PushReceiver : IAsyncDisposable
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Lock _idsLock = new();

    public PushReceiver()
    {
        using (var socket = new TcpListener(IPAddress.Loopback, 0))
        {
            socket.Start();
            Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)socket.LocalEndpoint).Port}/hooks/");
        }

        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(ListenAsync);
    }

    public Uri Endpoint { get; }

    /// <summary>The signing secret deliveries are checked with; set once the subscription gives it.</summary>
    public WebhookSecret? Secret { get; set; }

    /// <summary>Whether arrivals are recorded as the Hub's deliveries (off while the baseline posts them again).</summary>
    public bool Recording { get; set; } = true;

    /// <summary>Every delivery taken while recording, in arrival order.</summary>
    public ConcurrentQueue<PushArrival> Arrivals { get; } = new();

    /// <summary>Deliveries whose signature or timestamp did not verify.</summary>
    public int Refused => _refused;

    /// <summary>Events taken while recording, duplicates included.</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>Events taken while recording, by CloudEvents type.</summary>
    public ConcurrentDictionary<string, long> Types { get; } = new(StringComparer.Ordinal);

    /// <summary>Distinct event ids taken while recording.</summary>
    public int DistinctEvents
    {
        get
        {
            lock (_idsLock)
            {
                return _ids.Count;
            }
        }
    }

    private int _refused;
    private long _events;

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
        }
    }

    private async Task ListenAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var arrived = DateTimeOffset.UtcNow;
        var headers = context.Request.Headers;
        var id = headers[WebhookSignature.IdHeader] ?? "";
        var verified = Secret is { } secret && WebhookSignature.Verify(
            secret, id, headers[WebhookSignature.TimestampHeader] ?? "", headers[WebhookSignature.SignatureHeader] ?? "", body, arrived, Tolerance);
        if (!verified)
        {
            Interlocked.Increment(ref _refused);
            Answer(context, 401);
            return;
        }

        if (Recording)
        {
            var events = ReadEvents(body);
            var ids = events.Select(e => e.Id).ToList();
            lock (_idsLock)
            {
                _ids.UnionWith(ids);
            }

            foreach (var type in events.Select(e => e.Type))
            {
                Types.AddOrUpdate(type, 1, (_, count) => count + 1);
            }

            Interlocked.Add(ref _events, ids.Count);
            Arrivals.Enqueue(new PushArrival(arrived, id, ids.Count, body));
        }

        Answer(context, 204);
    }

    private static void Answer(HttpListenerContext context, int status)
    {
        context.Response.StatusCode = status;
        try
        {
            context.Response.Close();
        }
        catch (HttpListenerException)
        {
            // The sender gave up waiting and closed the connection.
        }
    }

    private static List<(string Id, string Type)> ReadEvents(byte[] body)
    {
        using var batch = JsonDocument.Parse(body);
        return [.. batch.RootElement.EnumerateArray().Select(e => (e.GetProperty("id").GetString() ?? "", e.GetProperty("type").GetString() ?? ""))];
    }
}
