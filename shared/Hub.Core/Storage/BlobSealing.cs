using Azure.Core.Cryptography;

namespace Hub.Core.Storage;

/// <summary>
/// How sealed folders wrap each file's own key: the key-encryption key new files are written under, the resolver that
/// finds the key a stored file names, and the wrapping algorithm recorded beside it (see <see cref="BlobFolder"/>).
/// </summary>
public sealed record BlobSealing(IKeyEncryptionKey Key, IKeyEncryptionKeyResolver Resolver, string KeyWrapAlgorithm);
