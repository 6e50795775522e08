namespace Hub.Core.Storage;

/// <summary>Queue names, shared by the storage code and the generated function metadata.</summary>
public static class QueueNames
{
    /// <summary>Feed batches waiting to be processed.</summary>
    public const string FeedBatches = "feed-batches";

    /// <summary>Requests to push a subscription's pending change events to its endpoint.</summary>
    public const string PushDeliveries = "push-deliveries";
}
