namespace Hub.Functions.FunctionsHost;

/// <summary>A queue-triggered function: its name (the handler path), the queue it reads and what it does with a message.</summary>
/// <param name="Name">The function name; the Functions host posts invocations to <c>/{Name}</c>.</param>
/// <param name="QueueName">The queue, without the configured name prefix.</param>
/// <param name="HandleAsync">Handles one message body.</param>
internal sealed record QueueFunction(string Name, string QueueName, Func<IServiceProvider, string, CancellationToken, Task> HandleAsync)
{
    /// <summary>The binding name the message arrives under in the invocation's <c>Data</c>.</summary>
    public const string MessageBinding = "message";
}
