namespace Hub.Core.Storage;

/// <summary>One page of a query, and the token that reads the next one.</summary>
/// <typeparam name="T">The entity type read.</typeparam>
/// <param name="Items">The rows of this page.</param>
/// <param name="ContinuationToken">Storage's own token for the next page (handed to callers unchanged); null after the last page.</param>
public sealed record EntityPage<T>(IReadOnlyList<T> Items, string? ContinuationToken)
    where T : StoredEntity;
