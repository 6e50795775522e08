namespace Hub.Cli.Tests;

/// <summary>Runs the command line in-process and captures what it writes.</summary>
internal static class Cli
{
    public static async Task<CliRun> RunAsync(HttpMessageHandler? handler, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await HubCli.InvokeAsync(args, output, error, handler);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(null, args);
}

internal sealed record CliRun(int ExitCode, string Output, string Error);
