using Hub.Core.Storage;
using Microsoft.Extensions.Options;

namespace Hub.Functions.FunctionsHost;

/// <summary>
/// Polls the Hub's queues and invokes the same handlers the Functions host would, with the host's semantics: a
/// failed message is retried, and after <see cref="QueueTriggerOptions.MaxDequeueCount"/> attempts it moves to
/// <c>&lt;queue&gt;-poison</c>, where the poison function marks its batch failed. Fires the timer functions on their
/// NCRONTAB schedules (UTC), as the host's timer trigger does; time comes from <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// In Azure the host runs a timer on one instance at a time (a blob lease); run locally, each process fires its
/// own. Both timer functions are safe to run twice at once.
/// </remarks>
internal sealed partial class LocalTriggerRunner(
    IServiceScopeFactory scopes,
    HubStorage storage,
    IOptions<QueueTriggerOptions> options,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<LocalTriggerRunner> logger) : BackgroundService
{
    private readonly QueueTriggerOptions _options = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(QueueFunctions.All.Select(f => PollAsync(f, stoppingToken)).Concat(TimerFunctions.All.Select(f => FireAsync(f, stoppingToken))));

    private async Task FireAsync(TimerFunction function, CancellationToken stoppingToken)
    {
        // Validated at start-up; a schedule that still does not parse is a bug, and says so.
        var schedule = TimerFunction.TryParse(function.ScheduleFrom(configuration))
            ?? throw new InvalidOperationException($"{function.ScheduleSetting} is not an NCRONTAB expression with seconds.");
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = new DateTimeOffset(DateTime.SpecifyKind(schedule.GetNextOccurrence(now.UtcDateTime), DateTimeKind.Utc));
            try
            {
                await Task.Delay(next - now, time, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await function.HandleAsync(scope.ServiceProvider, stoppingToken);
                LogTimerFired(logger, function.Name);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // As the host does: the firing failed, the next one comes on schedule.
                LogTimerFailed(logger, ex, function.Name);
            }
        }
    }

    private async Task PollAsync(QueueFunction function, CancellationToken stoppingToken)
    {
        var queue = storage.QueueNamed(function.QueueName);
        var poison = storage.QueueNamed(function.QueueName + "-poison");
        var idle = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<WorkItem> messages;
            try
            {
                messages = await queue.ReceiveAsync(_options.BatchSize, _options.VisibilityTimeout, stoppingToken);
            }
            catch (Exception ex) when (StorageFailures.IsStorageFailure(ex, out var status))
            {
                LogPollFailed(logger, function.Name, status);
                messages = [];
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            if (messages.Count == 0)
            {
                // Randomised exponential back-off up to the maximum, as the host polls.
                await DelayAsync(idle, stoppingToken);
                idle = TimeSpan.FromMilliseconds(Math.Min(idle.TotalMilliseconds * 2, _options.MaxPollingInterval.TotalMilliseconds));
                continue;
            }

            idle = TimeSpan.FromMilliseconds(100);
            await Task.WhenAll(messages.Select(m => RunOneAsync(function, queue, poison, m, stoppingToken)));
        }
    }

    private async Task RunOneAsync(QueueFunction function, WorkQueue queue, WorkQueue poison, WorkItem message, CancellationToken stoppingToken)
    {
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var receipt = new MessageReceipt(message.Receipt);
        var keepAlive = KeepInvisibleAsync(queue, message.Id, receipt, renewal.Token);
        bool succeeded;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await function.HandleAsync(scope.ServiceProvider, message.Text, stoppingToken);
            succeeded = true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the message becomes visible again and another run picks it up.
            return;
        }
        catch (Exception ex)
        {
            LogAttemptFailed(logger, ex, function.Name, message.Id, message.DequeueCount);
            succeeded = false;
        }
        finally
        {
            await renewal.CancelAsync();
            await keepAlive;
        }

        bool kept;
        if (succeeded)
        {
            kept = await queue.DeleteAsync(message.Id, receipt.Value, stoppingToken);
        }
        else if (message.DequeueCount >= _options.MaxDequeueCount)
        {
            await poison.SendAsync(message.Text, stoppingToken);
            kept = await queue.DeleteAsync(message.Id, receipt.Value, stoppingToken);
            if (kept)
            {
                LogPoisoned(logger, function.Name, message.Id, message.DequeueCount);
            }
        }
        else
        {
            kept = await queue.HideAsync(message.Id, receipt.Value, _options.RetryDelay, stoppingToken) is not null;
        }

        if (!kept)
        {
            // The message's visibility lapsed and another poll took it; that poll now owns it.
            LogLostMessage(logger, function.Name, message.Id);
        }
    }

    private async Task KeepInvisibleAsync(WorkQueue queue, string messageId, MessageReceipt receipt, CancellationToken cancellationToken)
    {
        var period = _options.VisibilityTimeout / 2;
        try
        {
            while (true)
            {
                await Task.Delay(period, time, cancellationToken);
                if (await queue.HideAsync(messageId, receipt.Value, _options.VisibilityTimeout, cancellationToken) is not { } renewed)
                {
                    LogRenewLost(logger, messageId);
                    return;
                }

                receipt.Value = renewed;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (StorageFailures.IsStorageFailure(ex, out var status))
        {
            LogRenewFailed(logger, messageId, status);
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay * (0.8 + (Random.Shared.NextDouble() * 0.4)), time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The current pop receipt; each visibility update issues a new one.</summary>
    private sealed class MessageReceipt(string value)
    {
        public string Value { get; set; } = value;
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "{Function}: message {MessageId} failed attempt {DequeueCount}")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, string function, string messageId, long dequeueCount);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "{Function}: message {MessageId} failed {DequeueCount} attempts and moved to the poison queue")]
    private static partial void LogPoisoned(ILogger logger, string function, string messageId, long dequeueCount);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "{Function}: polling failed with status {Status}")]
    private static partial void LogPollFailed(ILogger logger, string function, int status);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Could not keep message {MessageId} invisible (status {Status})")]
    private static partial void LogRenewFailed(ILogger logger, string messageId, int status);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Warning, Message = "Could not keep message {MessageId} invisible: its visibility lapsed and another poll took it")]
    private static partial void LogRenewLost(ILogger logger, string messageId);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Debug, Message = "{Function}: timer fired")]
    private static partial void LogTimerFired(ILogger logger, string function);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Error, Message = "{Function}: timer firing failed")]
    private static partial void LogTimerFailed(ILogger logger, Exception exception, string function);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "{Function}: message {MessageId} was taken over by another poll")]
    private static partial void LogLostMessage(ILogger logger, string function, string messageId);
}
