using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Hub.Tests.Shared;

/// <summary>
/// A real HTTP endpoint on the loopback address that records every delivery it is sent and answers with the statuses
/// it is told to, in order (the last one repeats), or by not answering at all for a while.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<int> _answers = new();
    private readonly Task _loop;
    private int _lastAnswer = 204;
    private int _inFlight;
    private int _mostInFlight;

    public WebhookReceiver(params int[] answers)
    {
        foreach (var answer in answers)
        {
            _answers.Enqueue(answer);
        }

        Port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{Port}/hooks/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(ListenAsync);
    }

    /// <summary>Where to send deliveries.</summary>
    public Uri Endpoint { get; }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>Every delivery received, in order, whatever it was answered.</summary>
    public ConcurrentQueue<ReceivedDelivery> Received { get; } = new();

    /// <summary>The most deliveries it held at one time: more than one means a sender sent in parallel.</summary>
    public int MostInFlight => Volatile.Read(ref _mostInFlight);

    /// <summary>How long to wait before answering; longer than a sender's timeout stands for an endpoint that hangs.</summary>
    public TimeSpan Delay { get; set; }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task ListenAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
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
        var inFlight = Interlocked.Increment(ref _inFlight);
        int most;
        while (inFlight > (most = Volatile.Read(ref _mostInFlight)) && Interlocked.CompareExchange(ref _mostInFlight, inFlight, most) != most)
        {
        }

        try
        {
            await ReceiveAndAnswerAsync(context).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task ReceiveAndAnswerAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body).ConfigureAwait(false);
        var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
        Received.Enqueue(new ReceivedDelivery(headers, body.ToArray(), context.Request.ContentType));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay).ConfigureAwait(false);
        }

        var status = _answers.TryDequeue(out var next) ? _lastAnswer = next : _lastAnswer;
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
}

/// <summary>One delivery as the receiver got it.</summary>
internal sealed record ReceivedDelivery(IReadOnlyDictionary<string, string> Headers, byte[] Body, string? ContentType);
