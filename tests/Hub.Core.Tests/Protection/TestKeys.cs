using Hub.Core.Protection;
using Microsoft.Extensions.Options;

namespace Hub.Core.Tests.Protection;

/// <summary>Key rings for tests: fixed key-encryption keys, fresh data keys.</summary>
internal static class TestKeys
{
    public static readonly string First = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static readonly string Second = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    /// <summary>A ring with key <c>k1</c> current.</summary>
    public static KeyRing Ring { get; } = RingOf(("k1", First));

    public static KeyRing RingOf(params (string Id, string Key)[] keys) => RingWith(keys[^1].Id, keys);

    public static KeyRing RingWith(string current, params (string Id, string Key)[] keys) =>
        new(Options.Create(new ProtectionOptions { Keys = keys.ToDictionary(k => k.Id, k => k.Key), CurrentKey = current }));

    /// <summary>A new data key for <paramref name="owner"/>: opened, and as stored.</summary>
    public static (DataKey Key, WrappedDataKey Wrapped) NewKey(string owner)
    {
        var wrapped = Ring.NewDataKey(owner);
        return (Ring.Unwrap(owner, wrapped), wrapped);
    }
}
