namespace Hub.Functions.Access;

/// <summary>
/// What guards a route and the problems that follow from it, stated together: a route that needs a token answers 401
/// without a valid one and 403 when its roles do not open the route; a route under the per-user limit answers 429.
/// </summary>
internal static class RouteAccessExtensions
{
    /// <summary>Requires <paramref name="policy"/> on every route of the group, which may answer 401 and 403.</summary>
    public static RouteGroupBuilder RequireHubAuthorization(this RouteGroupBuilder group, string policy) =>
        group.RequireAuthorization(policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Requires <paramref name="policy"/> on the route, which may answer 401 and 403.</summary>
    public static RouteHandlerBuilder RequireHubAuthorization(this RouteHandlerBuilder route, string policy) =>
        route.RequireAuthorization(policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Puts every route of the group under the per-user rate limit, so each may answer 429.</summary>
    public static RouteGroupBuilder RequirePerUserRateLimit(this RouteGroupBuilder group) =>
        group.RequireRateLimiting(RateLimitExtensions.PerUserPolicy).ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>Puts the route under the per-user rate limit, so it may answer 429.</summary>
    public static RouteHandlerBuilder RequirePerUserRateLimit(this RouteHandlerBuilder route) =>
        route.RequireRateLimiting(RateLimitExtensions.PerUserPolicy).ProducesProblem(StatusCodes.Status429TooManyRequests);
}
