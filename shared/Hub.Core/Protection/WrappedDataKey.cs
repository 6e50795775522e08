namespace Hub.Core.Protection;

/// <summary>A person's data key as stored: sealed with the key-encryption key <paramref name="KeyId"/>.</summary>
public sealed record WrappedDataKey(string KeyId, string Wrapped);
