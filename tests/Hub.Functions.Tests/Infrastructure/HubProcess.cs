using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Hub.Functions.Tests.FunctionsHost;

namespace Hub.Functions.Tests.Infrastructure;

/// <summary>The Hub as a real process on a loopback port, so a test can kill it the hard way.</summary>
public sealed class HubProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HubProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<HubProcess> StartAsync(string connectionString, string prefix, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
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
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var hub = new HubProcess(process, new Uri($"http://127.0.0.1:{port}"));
        await hub.WaitUntilHealthyAsync();
        return hub;
    }

    /// <summary>Ends the process at once, as a crash or a scale-in would: no graceful shutdown.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Hub process exited with code {_process.ExitCode} during start-up.");
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
        var dll = Path.Combine(FunctionMetadataTests.RepositoryRoot(), "functions", "Hub.Functions", "bin", configuration, "net10.0", "Hub.Functions.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the Hub before running this test.", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
