using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.Hosting;

/// <summary>
/// The problem answers handlers give themselves, one per status, so each states only what went wrong: a title that
/// names the problem and a detail that says how to put it right (never a value the client sent).
/// </summary>
internal static class HubProblems
{
    /// <summary>400: the request is well formed but asks for something the route cannot take.</summary>
    public static ProblemHttpResult BadRequest(string title, string? detail) => Of(StatusCodes.Status400BadRequest, title, detail);

    /// <summary>403: the caller may use the route, but not for this.</summary>
    public static ProblemHttpResult Forbidden(string title, string? detail) => Of(StatusCodes.Status403Forbidden, title, detail);

    /// <summary>404: nothing of that name, or nothing the caller may know of.</summary>
    public static ProblemHttpResult NotFound(string title, string? detail) => Of(StatusCodes.Status404NotFound, title, detail);

    /// <summary>409: the thing is not in a state that allows the request.</summary>
    public static ProblemHttpResult Conflict(string title, string? detail) => Of(StatusCodes.Status409Conflict, title, detail);

    /// <summary>Any other status.</summary>
    public static ProblemHttpResult Of(int status, string title, string? detail) => TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
