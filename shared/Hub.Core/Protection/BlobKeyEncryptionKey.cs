using System.Text;
using Azure.Core.Cryptography;

namespace Hub.Core.Protection;

/// <summary>
/// One of the <see cref="KeyRing"/>'s key-encryption keys as the storage library's client-side encryption asks for it:
/// it wraps the key each sealed file is encrypted with (AES-256-GCM, bound to the purpose), and the resolver finds the
/// key a file names when it is read, so files written under an earlier key stay readable after a rotation.
/// </summary>
internal sealed class BlobKeyEncryptionKey : IKeyEncryptionKey
{
    /// <summary>The wrapping algorithm recorded in each file's metadata.</summary>
    public const string Algorithm = "A256GCM-hub";

    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("blob-content-key");

    private readonly byte[] _key;

    private BlobKeyEncryptionKey(string keyId, byte[] key)
    {
        KeyId = keyId;
        _key = key;
    }

    public string KeyId { get; }

    /// <summary>The key new files are written under: the ring's current key.</summary>
    public static IKeyEncryptionKey Current(KeyRing ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        return Of(ring, ring.CurrentKey) ?? throw new SealedValueException("The current key is not configured.");
    }

    /// <summary>Finds the key a stored file names, among every configured key.</summary>
    public static IKeyEncryptionKeyResolver Resolver(KeyRing ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        return new KeyResolver(ring);
    }

    public byte[] WrapKey(string algorithm, ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default) =>
        Encoding.ASCII.GetBytes(SealedBox.Seal(_key, key.Span, Purpose));

    public Task<byte[]> WrapKeyAsync(string algorithm, ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default) =>
        Task.FromResult(WrapKey(algorithm, key, cancellationToken));

    public byte[] UnwrapKey(string algorithm, ReadOnlyMemory<byte> encryptedKey, CancellationToken cancellationToken = default) =>
        algorithm == Algorithm
            ? SealedBox.Open(_key, Encoding.ASCII.GetString(encryptedKey.Span), Purpose)
            : throw new SealedValueException("A sealed file's key is wrapped with an algorithm the Hub does not use.");

    public Task<byte[]> UnwrapKeyAsync(string algorithm, ReadOnlyMemory<byte> encryptedKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(UnwrapKey(algorithm, encryptedKey, cancellationToken));

    private static BlobKeyEncryptionKey? Of(KeyRing ring, string keyId) =>
        ring.Derive(keyId, "blob-content-keys") is { } key ? new BlobKeyEncryptionKey(keyId, key) : null;

    private sealed class KeyResolver(KeyRing ring) : IKeyEncryptionKeyResolver
    {
        public IKeyEncryptionKey Resolve(string keyId, CancellationToken cancellationToken = default) =>
            Of(ring, keyId) ?? throw new SealedValueException($"A sealed file names key '{keyId}', which is not configured.");

        public Task<IKeyEncryptionKey> ResolveAsync(string keyId, CancellationToken cancellationToken = default) =>
            Task.FromResult(Resolve(keyId, cancellationToken));
    }
}
