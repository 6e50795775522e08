namespace Hub.Cli;

/// <summary>An answer of the Hub, read into <typeparamref name="T"/> and kept as sent for <c>--json</c>.</summary>
internal sealed record HubAnswer<T>(T Value, string Json);
