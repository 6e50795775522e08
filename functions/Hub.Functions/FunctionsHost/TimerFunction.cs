using NCrontab;

namespace Hub.Functions.FunctionsHost;

/// <summary>A timer-triggered function: its name (the handler path), its schedule and what it does when it fires.</summary>
/// <param name="Name">The function name; the Functions host posts invocations to <c>/{Name}</c>.</param>
/// <param name="ScheduleSetting">The configuration key that may override the schedule.</param>
/// <param name="DefaultSchedule">The NCRONTAB schedule (six fields, seconds first, UTC) when the setting is absent.</param>
/// <param name="HandleAsync">Does the work of one firing.</param>
internal sealed record TimerFunction(string Name, string ScheduleSetting, string DefaultSchedule, Func<IServiceProvider, CancellationToken, Task> HandleAsync)
{
    /// <summary>The binding name the timer's status arrives under in the invocation's <c>Data</c>.</summary>
    public const string TimerBinding = "timer";

    private static readonly CrontabSchedule.ParseOptions WithSeconds = new() { IncludingSeconds = true };

    /// <summary>The schedule expression in force: the setting, else the default.</summary>
    public string ScheduleFrom(IConfiguration configuration) => configuration[ScheduleSetting] is { Length: > 0 } configured ? configured : DefaultSchedule;

    /// <summary>Parses an NCRONTAB expression with seconds, as the Functions timer trigger reads it; null when it is not one.</summary>
    public static CrontabSchedule? TryParse(string? expression) =>
        string.IsNullOrWhiteSpace(expression) ? null : CrontabSchedule.TryParse(expression, WithSeconds);
}
