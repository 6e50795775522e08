using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Hub.Tests.Shared;

/// <summary>
/// The Hub as a real process in Development on a loopback port, over the test emulator, with its own name prefix:
/// for tests that kill it the hard way and for browser tests. Linked into each test project that starts one.
/// </summary>
internal sealed class HubProcess : IAsyncDisposable
{
    // The console logger's line for a request the Hub answered 500 ("fail: …ExceptionHandlerMiddleware[1]").
    private const string ServerError = "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _serverErrors = new();
    private readonly ConcurrentQueue<string> _output = new();

    private HubProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Every line the process wrote to standard output and standard error so far.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Starts the Hub on <paramref name="port"/>, or on a free port when none is given.</summary>
    public static async Task<HubProcess> StartAsync(string connectionString, string prefix, IReadOnlyDictionary<string, string> settings, int? port = null)
    {
        port ??= FreePort();
        var dll = HubAssembly();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Hub__Storage__ConnectionString"] = connectionString;
        start.Environment["Hub__Storage__NamePrefix"] = prefix;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The Hub process did not start.");
        var hub = new HubProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, line) => hub.Watch(line.Data);
        process.ErrorDataReceived += (_, line) => hub.Watch(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await hub.WaitUntilHealthyAsync();
        return hub;
    }

    /// <summary>Runs the Hub as a process that is expected to stop on its own (a start that fails), and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Output)> RunToExitAsync(string connectionString, string prefix, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet", [HubAssembly()])
        {
            WorkingDirectory = Path.GetDirectoryName(HubAssembly())!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Urls"] = $"http://127.0.0.1:{FreePort()}";
        start.Environment["Hub__Storage__ConnectionString"] = connectionString;
        start.Environment["Hub__Storage__NamePrefix"] = prefix;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The Hub process did not start.");
        var output = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, line) => output.Enqueue(line.Data ?? string.Empty);
        process.ErrorDataReceived += (_, line) => output.Enqueue(line.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The Hub process kept running; it was expected to stop at start.");
        }

        process.WaitForExit();
        return (process.ExitCode, [.. output]);
    }

    /// <summary>Ends the process at once, as a crash or a scale-in would: no graceful shutdown.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Stops the process; fails when it answered any request with a 500, as a test's in-process Hub does.</summary>
    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        return _serverErrors.IsEmpty
            ? ValueTask.CompletedTask
            : throw new InvalidOperationException($"The Hub process answered {_serverErrors.Count} request(s) with 500; a client's mistake must be a 4xx, a fault a 503.");
    }

    private void Watch(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }

        if (line?.Contains(ServerError, StringComparison.Ordinal) == true)
        {
            _serverErrors.Enqueue(line);
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(); // lets the output readers finish
                // The Hub's own log lines (which carry no personal data) say why, so a failure on a CI machine can be read.
                throw new InvalidOperationException($"The Hub process exited with code {_process.ExitCode} during start-up. Its last lines:{Environment.NewLine}{string.Join(Environment.NewLine, _output.TakeLast(20))}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The Hub process did not become healthy within 60 seconds.");
    }

    private static string HubAssembly()
    {
        // The test runs the Hub build of the same configuration (bin/Debug or bin/Release) as itself.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepositoryRoot.Path, "functions", "Hub.Functions", "bin", configuration, "net10.0", "Hub.Functions.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the Hub before running this test.", dll);
    }

    /// <summary>A loopback port free now, for a server that must know its address before it starts.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
