using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Storage.Queues;

namespace Hub.Core.Storage;

/// <summary>
/// One of the Hub's queues: send work, take it with a visibility timeout, keep it hidden while working, delete it
/// when done. Bodies are base64, as the Functions queue trigger expects (see <see cref="HubStorageServiceCollectionExtensions"/>).
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is a storage queue, and its name says so.")]
public sealed class WorkQueue
{
    private readonly QueueClient _queue;

    internal WorkQueue(QueueClient queue) => _queue = queue;

    /// <summary>The queue's name in the account.</summary>
    public string Name => _queue.Name;

    /// <summary>Whether the queue exists (one request; also a cheap reachability probe).</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default) =>
        (await _queue.ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Adds a message with body <paramref name="text"/>.</summary>
    public Task SendAsync(string text, CancellationToken cancellationToken = default) => _queue.SendMessageAsync(text, cancellationToken);

    /// <summary>Adds a message with body <paramref name="text"/> that becomes visible only after <paramref name="delay"/> (storage allows up to 7 days).</summary>
    public Task SendAsync(string text, TimeSpan delay, CancellationToken cancellationToken = default) =>
        delay <= TimeSpan.Zero ? SendAsync(text, cancellationToken) : _queue.SendMessageAsync(text, visibilityTimeout: delay, cancellationToken: cancellationToken);

    /// <summary>Takes up to <paramref name="maxCount"/> visible messages, each hidden from other readers for <paramref name="visibility"/>.</summary>
    public async Task<IReadOnlyList<WorkItem>> ReceiveAsync(int maxCount, TimeSpan visibility, CancellationToken cancellationToken = default)
    {
        var messages = (await _queue.ReceiveMessagesAsync(maxCount, visibility, cancellationToken).ConfigureAwait(false)).Value;
        return messages.Select(m => new WorkItem(m.MessageId, m.PopReceipt, m.MessageText, m.DequeueCount)).ToList();
    }

    /// <summary>
    /// Deletes a taken message: false when <paramref name="receipt"/> is no longer its latest (its time ran out and
    /// another reader took it, 404 or 400).
    /// </summary>
    public async Task<bool> DeleteAsync(string id, string receipt, CancellationToken cancellationToken = default)
    {
        try
        {
            await _queue.DeleteMessageAsync(id, receipt, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
            return false;
        }
    }

    /// <summary>
    /// Hides a taken message for <paramref name="visibility"/> from now; returns the new receipt, or null when
    /// <paramref name="receipt"/> is no longer its latest (404 or 400).
    /// </summary>
    public async Task<string?> HideAsync(string id, string receipt, TimeSpan visibility, CancellationToken cancellationToken = default)
    {
        try
        {
            var updated = await _queue.UpdateMessageAsync(id, receipt, visibilityTimeout: visibility, cancellationToken: cancellationToken).ConfigureAwait(false);
            return updated.Value.PopReceipt;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
            return null;
        }
    }

}
