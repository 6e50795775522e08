using Spectre.Console;

namespace Hub.Cli;

/// <summary>Where a command writes and how it reaches the Hub; one per invocation, so tests can run in-process.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, HttpMessageHandler? handler, TimeProvider time)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public HttpMessageHandler? Handler { get; } = handler;

    public TimeProvider Time { get; } = time;

    /// <summary>Tables and text for the user, on standard output.</summary>
    public IAnsiConsole Console { get; } = Create(output);

    /// <summary>Progress and notes, on standard error, so standard output stays clean for <c>--json</c>.</summary>
    public IAnsiConsole Status { get; } = Create(error);

    private static IAnsiConsole Create(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Detect,
    });
}
