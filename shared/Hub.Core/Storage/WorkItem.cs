namespace Hub.Core.Storage;

/// <summary>A message taken from a <see cref="WorkQueue"/>: hidden from other readers until deleted or its time runs out.</summary>
/// <param name="Id">The message's id.</param>
/// <param name="Receipt">The receipt of this taking; deleting or hiding it again needs the latest one.</param>
/// <param name="Text">The message body.</param>
/// <param name="DequeueCount">How many times the message has been taken, this time included.</param>
public sealed record WorkItem(string Id, string Receipt, string Text, long DequeueCount);
