namespace Hub.Functions.Persons;

/// <summary>A page of residents and the token for the next page (null after the last).</summary>
/// <param name="Items">The residents.</param>
/// <param name="ActiveOn">The list's day.</param>
/// <param name="Status">The statuses listed, as the <c>status</c> filter states them (<c>active</c> by default).</param>
/// <param name="Continuation">The token for the next page; null after the last.</param>
internal sealed record ResidentsPage(IReadOnlyList<ResidentItem> Items, DateOnly ActiveOn, string Status, string? Continuation);
