using System.CommandLine;
using System.Text.Json;

namespace Hub.Cli;

/// <summary>
/// <c>hub events pull --subscription S [--cursor C] [--follow]</c>: prints a subscription's change feed, one CloudEvent
/// as JSON per line, from the cursor (the subscription's start when none) to the end, and with <c>--follow</c> keeps
/// reading as events arrive. The cursor to resume from goes to standard error after each page that moved it.
/// </summary>
internal static class EventsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("events", "Read change events of a subscription.");
        command.Subcommands.Add(PullCommand(context));
        return command;
    }

    private static Command PullCommand(CliContext context)
    {
        var subscription = new Option<string>("--subscription") { Description = "The subscription to read", Required = true };
        var cursor = new Option<string?>("--cursor") { Description = "Where to start: the 'next' cursor of an earlier read (none: where the subscription started; 0: the oldest event kept)" };
        var follow = new Option<bool>("--follow") { Description = "Keep reading as new events arrive, until interrupted" };
        var limit = new Option<int>("--limit") { Description = "Events per request (1-500)", DefaultValueFactory = _ => 100 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 500)
            {
                r.AddError("--limit must be between 1 and 500.");
            }
        });
        var interval = new Option<int>("--interval") { Description = "Seconds between reads once caught up, with --follow", DefaultValueFactory = _ => 5 };
        var subscriber = new SubscriberOptions();
        var command = new Command("pull", "Print a subscription's change events (CloudEvents JSON, one per line); --follow keeps reading.") { subscription, cursor, follow, limit, interval };
        subscriber.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var client = await subscriber.ConnectAsync(parsed, context).ConfigureAwait(false);
            var id = parsed.GetValue(subscription)!;
            var position = parsed.GetValue(cursor);
            while (!cancellationToken.IsCancellationRequested)
            {
                var page = (await client.ReadEventsAsync(id, position, parsed.GetValue(limit), cancellationToken).ConfigureAwait(false)).Value;
                foreach (var change in page.GetProperty("events").EnumerateArray())
                {
                    await context.Output.WriteLineAsync(JsonSerializer.Serialize(change)).ConfigureAwait(false);
                }

                var next = page.GetProperty("next").GetString();
                if (next != position)
                {
                    await context.Error.WriteLineAsync($"next cursor: {next}").ConfigureAwait(false);
                }

                position = next;
                if (page.GetProperty("caughtUp").GetBoolean())
                {
                    if (!parsed.GetValue(follow))
                    {
                        break;
                    }

                    try
                    {
                        await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, parsed.GetValue(interval))), context.Time, cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
