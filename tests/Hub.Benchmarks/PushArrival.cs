namespace Hub.Benchmarks;

/// <summary>One delivery as the receiver took it: when, its id, how many events, and the body as sent.</summary>
internal sealed record PushArrival(DateTimeOffset At, string DeliveryId, int Events, byte[] Body);
