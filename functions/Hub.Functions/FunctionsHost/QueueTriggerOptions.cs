namespace Hub.Functions.FunctionsHost;

/// <summary>The local trigger runner: what the Functions host's queue trigger does, for a Hub running on its own.</summary>
internal sealed class QueueTriggerOptions
{
    public const string SectionName = "Hub:Triggers";

    /// <summary>Poll the queues in-process. Null: on unless the Functions host started the process.</summary>
    public bool? RunLocally { get; set; }

    /// <summary>Attempts before a message moves to the poison queue (the host's <c>maxDequeueCount</c>).</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a message being processed stays invisible; renewed while the work goes on.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a failed message waits before its next attempt (the host's <c>visibilityTimeout</c>).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between polls of an empty queue (the host's <c>maxPollingInterval</c>).</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Messages processed at once per queue (the host's <c>batchSize</c>).</summary>
    public int BatchSize { get; set; } = 2;
}
