using Hub.Functions.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.Hosting;

/// <summary>
/// Endpoint metadata: how the route answers a route value that is not of its type's form (see
/// <see cref="MalformedRouteValues"/>). The answer may say what the request was about in the audit scope.
/// </summary>
/// <param name="Answer">The problem to answer, from the request and its audit scope.</param>
internal sealed record MalformedRouteValueAnswer(Func<HttpContext, AuditScope, ProblemHttpResult> Answer);
