using System.Reflection;
using Hub.Core;

namespace Hub.Functions.Hosting;

/// <summary>
/// Checks the Hub's files together before it starts (<see cref="HubFilesCheck"/>, the same check as
/// <c>hub sources check</c>): each finding is logged on one line naming its file, key and fix. Warnings (a rule or a
/// mask naming an attribute no mapping provides yet) let the Hub start; errors stop it, with no stack trace.
/// </summary>
internal static partial class HubFilesStartup
{
    /// <summary>
    /// Logs every finding. With errors, when the Hub is the process, disposes the app (so the log is written out) and
    /// returns false: the caller exits with code 1. When another host runs the Hub (a test's factory), it throws
    /// an <see cref="InvalidDataException"/> with one line per error, which that host reports as the start's failure.
    /// </summary>
    public static async Task<bool> CheckHubFilesAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var report = app.Services.GetRequiredService<HubFilesReport>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HubFilesStartup).FullName!);
        foreach (var finding in report.Findings)
        {
            if (finding.Severity == FindingSeverity.Error)
            {
                LogError(logger, finding.Line);
            }
            else
            {
                LogWarning(logger, finding.Line);
            }
        }

        if (!report.HasErrors)
        {
            return true;
        }

        if (Assembly.GetEntryAssembly() != typeof(HubFilesStartup).Assembly)
        {
            throw new InvalidDataException(report.ErrorLines);
        }

        var errors = report.Findings.Count(f => f.Severity == FindingSeverity.Error);
        LogStopped(logger, errors);
        await app.DisposeAsync().ConfigureAwait(false);
        return false;
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Critical, Message = "{Finding}")]
    private static partial void LogError(ILogger logger, string finding);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "{Finding}")]
    private static partial void LogWarning(ILogger logger, string finding);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Critical, Message = "The Hub did not start: its files hold {Errors} error(s), each logged above with its file, key and fix; 'hub sources check' finds the same offline")]
    private static partial void LogStopped(ILogger logger, int errors);
}
