using System.Diagnostics;
using Hub.Tests.Shared;

namespace Hub.Deployment.Tests;

/// <summary>Runs one of the repository's bash scripts and captures what it printed.</summary>
internal static class Script
{
    public sealed record Result(int ExitCode, string Output);

    public static Task<Result> RunAsync(string script, params string[] arguments) =>
        RunAsync(script, new Dictionary<string, string>(), arguments);

    public static async Task<Result> RunAsync(string script, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {script}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await stdout + await stderr);
    }
}
