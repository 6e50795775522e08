using Microsoft.AspNetCore.Mvc;

namespace Hub.Functions.Persons;

/// <summary>The query string of a resident list (GET /api/residents), checked by the handler, which names a bad value's parameter and never echoes it.</summary>
/// <param name="Division">A 12-digit division code (6 and 9 digits are padded); the caller's own when absent.</param>
/// <param name="Grid">A grid of the community <paramref name="Division"/> names.</param>
/// <param name="Group">A special group such as <c>dibao</c>.</param>
/// <param name="Household">A household key from a person or list answer.</param>
/// <param name="ActiveOn">The day memberships must be active on, <c>yyyy-MM-dd</c>; today when absent.</param>
/// <param name="Status">The statuses on that day to list: <c>active</c>, <c>deceased</c>, <c>movedOut</c>, comma-separated; <c>active</c> when absent.</param>
/// <param name="Purpose">The declared purpose.</param>
/// <param name="PageSize">Residents per page.</param>
/// <param name="Continuation">The token the previous page gave.</param>
internal sealed record ResidentListRequest(
    [FromQuery(Name = "division")] string? Division,
    [FromQuery(Name = "grid")] string? Grid,
    [FromQuery(Name = "group")] string? Group,
    [FromQuery(Name = "household")] string? Household,
    [FromQuery(Name = "activeOn")] string? ActiveOn,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "purpose")] string? Purpose,
    [FromQuery(Name = "pageSize")] int? PageSize,
    [FromQuery(Name = "continuation")] string? Continuation);
