namespace Hub.Core.Audit;

/// <summary>One page of a search, oldest first.</summary>
/// <param name="Events">The events of the page; a page may hold fewer than asked, even none, before the last.</param>
/// <param name="ContinuationToken">Pass it back for the next page; null after the last.</param>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Events, string? ContinuationToken);
