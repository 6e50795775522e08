using Hub.Functions.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.Hosting;

/// <summary>
/// Route values are bound to the Hub's value types (a person key, a source id, a batch id) by their TryParse, so a
/// handler is given a key, never text to check. The framework refuses a value not of its type's form before the
/// handler runs (<see cref="RouteHandlerOptions.ThrowOnBadRequest"/>); a route that says how its handlers answer such
/// a value (a malformed key is as unknown as any key the Hub does not hold, or plainly invalid) gives that answer
/// instead of the generic <see cref="UnreadableRequest"/> problem. <see cref="AuditedRequestMiddleware"/> records it
/// and writes it, as it does every answer no handler gave. The value itself is never echoed.
/// </summary>
/// <remarks>
/// The framework checks a handler's parameters in the order they are declared, so a handler that also takes a body
/// or typed query values declares those first: a request that is wrong twice is answered about them, as it was when
/// route values were text.
/// </remarks>
internal static class MalformedRouteValues
{
    /// <summary>Answers a malformed route value of the audited routes of <paramref name="builder"/> with <paramref name="answer"/>.</summary>
    public static TBuilder AnswerMalformedRouteValues<TBuilder>(this TBuilder builder, Func<HttpContext, AuditScope, ProblemHttpResult> answer)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithMetadata(new MalformedRouteValueAnswer(answer));

        // The answer is given where unaudited requests never go; a route without an audit event would answer 400.
        builder.Finally(endpoint =>
        {
            if (!endpoint.Metadata.OfType<AuditedEndpoint>().Any())
            {
                throw new InvalidOperationException($"{endpoint.DisplayName} answers malformed route values but is not audited.");
            }
        });
        return builder;
    }

    /// <summary>
    /// The route's answer to <paramref name="refusal"/> when it refused a route value of the route's own; null for any
    /// other refusal. The answer may fill <paramref name="audit"/>.
    /// </summary>
    public static ProblemHttpResult? AnswerOf(HttpContext context, BadHttpRequestException refusal, AuditScope audit)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetEndpoint() is RouteEndpoint endpoint
            && endpoint.Metadata.GetMetadata<MalformedRouteValueAnswer>() is { } route
            && UnreadableRequest.FailedParameter(refusal) is { } name
            && endpoint.RoutePattern.GetParameter(name) is not null
            ? route.Answer(context, audit)
            : null;
    }
}
