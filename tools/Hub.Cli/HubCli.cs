using System.CommandLine;
using System.Net.Sockets;

namespace Hub.Cli;

/// <summary>
/// The <c>hub</c> command line, callable in-process: tests and tools pass their own writers and, to talk to an
/// in-process Hub, their own <see cref="HttpMessageHandler"/>.
/// </summary>
public static class HubCli
{
    /// <summary>Runs one command line and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, HttpMessageHandler? handler = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var context = new CliContext(output, error, handler, TimeProvider.System);
        var root = new RootCommand("Client of the Hub: push departmental feeds, follow their batches, validate files and check mappings offline, write sample feeds, measure person matching, read a department's data quality, work the steward queue and the cross-department worklist, verify and search the audit trail, subscribe to change events and read them, produce a resident's data subject report and route their corrections, read and load the division registry, rotate the pepper of person keys, and model the capacity a city needs.")
        {
            TokenCommand.Create(context),
            PushCommand.Create(context),
            BatchCommand.Create(context),
            BatchesCommand.Create(context),
            RejectsCommand.Create(context),
            ValidateCommand.Create(context),
            SourcesCommand.Create(context),
            SamplesCommand.Create(context),
            QualityCommand.Create(context),
            DataQualityCommand.Create(context),
            QueueCommand.Create(context),
            WorklistCommand.Create(context),
            AuditCommand.Create(context),
            SubscriptionsCommand.Create(context),
            EventsCommand.Create(context),
            PersonsCommand.Create(context),
            DivisionsCommand.Create(context),
            PersonKeysCommand.Create(context),
            CapacityCommand.Create(context),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // System.CommandLine exits 1 on a parse error; scripts need usage errors told apart from failed batches.
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync(parseError.Message).ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'hub --help' or 'hub <command> --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (HubRequestException ex)
        {
            await error.WriteLineAsync($"The Hub answered {ex.Status} {ex.Title}{(Explain(ex) is { } detail ? ": " + detail : string.Empty)}").ConfigureAwait(false);
            return ExitCodes.HubError;
        }
        catch (HttpRequestException ex)
        {
            await error.WriteLineAsync($"Cannot reach the Hub: {Describe(ex)}").ConfigureAwait(false);
            return ExitCodes.Unreachable;
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested && ex.InnerException is TimeoutException)
        {
            await error.WriteLineAsync("Cannot reach the Hub: the request timed out.").ConfigureAwait(false);
            return ExitCodes.Unreachable;
        }
    }

    /// <summary>Writes a usage problem the parser could not catch and returns <see cref="ExitCodes.Usage"/>.</summary>
    internal static async Task<int> UsageAsync(CliContext context, string message)
    {
        await context.Error.WriteLineAsync(message).ConfigureAwait(false);
        return ExitCodes.Usage;
    }

    /// <summary>The Hub's detail; authentication failures carry none, so say what usually causes them.</summary>
    private static string? Explain(HubRequestException ex) => ex.Detail ?? ex.Status switch
    {
        401 => "the token was not accepted (expired, or a development token sent to a Hub that is not in Development)",
        403 => "the token does not carry the role this needs (Feeds.Publish.<source> for feeds, Hub.DataSteward for the steward queue, Hub.Auditor for the audit trail)",
        _ => null,
    };

    private static string Describe(HttpRequestException ex) => ex.InnerException switch
    {
        SocketException socket => $"{ex.Message} ({socket.SocketErrorCode})",
        _ => ex.Message,
    };
}
