using Microsoft.AspNetCore.Mvc;

namespace Hub.Functions.Checks;

/// <summary>The query string of a worklist (GET /api/worklist), checked by the handler, which names a bad value's parameter and never echoes it.</summary>
/// <param name="Status">Only items of this status: <c>open</c>, <c>confirmed</c>, <c>dismissed</c> or <c>resolved</c>; every status when absent.</param>
/// <param name="Rule">Only items of this check.</param>
/// <param name="Purpose">The declared purpose, as for a person read.</param>
/// <param name="PageSize">Items per page.</param>
/// <param name="ContinuationToken">The token the previous page gave.</param>
internal sealed record WorklistListRequest(
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "rule")] string? Rule,
    [FromQuery(Name = "purpose")] string? Purpose,
    [FromQuery(Name = "pageSize")] int? PageSize,
    [FromQuery(Name = "continuationToken")] string? ContinuationToken);
