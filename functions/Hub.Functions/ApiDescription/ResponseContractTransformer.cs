using System.Globalization;
using Hub.Functions.Audit;
using Hub.Functions.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Hub.Functions.ApiDescription;

/// <summary>
/// Every status, header and content type an operation can answer with, derived from its endpoint metadata the way the
/// Hub's pipeline answers: a token route can be refused (401, 403), an audited route answers 503 when the trail cannot
/// record it, a rate-limited route 429, a route that reads a body or typed parameters 400 (and a body also 408, 413,
/// 415, see <c>UnreadableRequest</c>). A 429 or 503 carries <c>Retry-After</c>, a 201 or 202 its <c>Location</c>,
/// a CSV download its <c>Content-Disposition</c>; a response declared with a content type but no body type is a
/// string of that type. A new route is described by what it declares, with no edit here.
/// </summary>
internal sealed class ResponseContractTransformer : IOpenApiOperationTransformer
{
    private const string ProblemContentType = "application/problem+json";

    private static readonly Dictionary<int, string> ProblemDescriptions = new()
    {
        [StatusCodes.Status400BadRequest] = "The request cannot be read: a parameter or body of the wrong form, or a value the route refuses.",
        [StatusCodes.Status401Unauthorized] = "No valid bearer token: missing, expired, forged, or of the wrong issuer or audience.",
        [StatusCodes.Status403Forbidden] = "The token's roles, source or division do not open this route.",
        [StatusCodes.Status408RequestTimeout] = "The body arrived too slowly; send it again.",
        [StatusCodes.Status413PayloadTooLarge] = "The body is larger than this route accepts.",
        [StatusCodes.Status415UnsupportedMediaType] = "The body's media type or charset is not one this route reads.",
        [StatusCodes.Status429TooManyRequests] = "This identity made more requests than the Hub allows; Retry-After says when to try again.",
        [StatusCodes.Status503ServiceUnavailable] = "Storage or the audit trail could not be reached, so nothing was answered; Retry-After says when to try again.",
    };

    /// <summary>Whether an endpoint with <paramref name="metadata"/> needs a bearer token.</summary>
    public static bool RequiresToken(IEnumerable<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= [];
        foreach (var produced in metadata.OfType<IProducesResponseTypeMetadata>())
        {
            await DeclareContentAsync(operation.Responses, produced, context, cancellationToken);
        }

        foreach (var status in PipelineStatuses(metadata, operation, context.Description.ParameterDescriptions))
        {
            var key = status.ToString(CultureInfo.InvariantCulture);
            if (!operation.Responses.ContainsKey(key))
            {
                operation.Responses[key] = new OpenApiResponse
                {
                    Content = new Dictionary<string, OpenApiMediaType> { [ProblemContentType] = new() { Schema = await ProblemSchemaAsync(operation, context, cancellationToken) } },
                };
            }
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (response is OpenApiResponse concrete)
            {
                Describe(status, concrete);
                DescribeHeaders(status, concrete);
            }
        }

        operation.Responses = Sorted(operation.Responses);
    }

    // The statuses the Hub's pipeline can answer the route with, whatever its handler does.
    private static SortedSet<int> PipelineStatuses(IList<object> metadata, OpenApiOperation operation, IList<ApiParameterDescription> parameters)
    {
        var statuses = new SortedSet<int>();
        if (RequiresToken(metadata))
        {
            statuses.UnionWith([StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden]);
        }

        if (metadata.OfType<AuditedEndpoint>().Any())
        {
            statuses.Add(StatusCodes.Status503ServiceUnavailable);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            statuses.Add(StatusCodes.Status429TooManyRequests);
        }

        if (operation.RequestBody is not null || parameters.Any(p => p.Source == BindingSource.Body))
        {
            statuses.UnionWith([StatusCodes.Status400BadRequest, StatusCodes.Status408RequestTimeout, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType]);
        }

        // A query or route value that must be bound to a type other than text, or a required query value, can be refused;
        // a route value not of its form is not, where the route answers it as its handlers do (MalformedRouteValues).
        var answersRouteValues = metadata.OfType<MalformedRouteValueAnswer>().Any();
        var bound = parameters.Where(p => p.Source == BindingSource.Query || (p.Source == BindingSource.Path && !answersRouteValues));
        if (bound.Any(p => !IsText(p.Type) || (p.IsRequired && p.Source == BindingSource.Query)))
        {
            statuses.Add(StatusCodes.Status400BadRequest);
        }

        return statuses;
    }

    // Each content type an endpoint declares for a status is documented, also when another declaration of the same
    // status (a typed JSON result beside .Produces(200, contentType: "text/csv")) would otherwise hide it. A content
    // type declared without a body type is a string of that type.
    private static async Task DeclareContentAsync(OpenApiResponses responses, IProducesResponseTypeMetadata produced, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var key = produced.StatusCode.ToString(CultureInfo.InvariantCulture);
        if (!responses.TryGetValue(key, out var existing) || existing is not OpenApiResponse response)
        {
            return;
        }

        var typed = produced.Type is not null && produced.Type != typeof(void);
        foreach (var contentType in produced.ContentTypes)
        {
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            if (!response.Content.ContainsKey(contentType))
            {
                response.Content[contentType] = new OpenApiMediaType
                {
                    Schema = typed ? await context.GetOrCreateSchemaAsync(produced.Type!, cancellationToken: cancellationToken) : UntypedBody(contentType),
                };
            }
        }
    }

    // JSON without a declared type is any JSON; text is a string; anything else is bytes.
    private static OpenApiSchema UntypedBody(string contentType) =>
        contentType.EndsWith("json", StringComparison.Ordinal) ? new OpenApiSchema()
        : contentType.StartsWith("text/", StringComparison.Ordinal) ? new OpenApiSchema { Type = JsonSchemaType.String }
        : new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };

    private static void DescribeHeaders(string status, OpenApiResponse response)
    {
        switch (status)
        {
            // The refusals' problems say when to come back; a 503 of another kind (the health report) does not.
            case "429" or "503" when IsProblem(response):
                AddHeader(response, "Retry-After", "Seconds to wait before trying again.", required: false, new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" });
                break;
            case "201" or "202":
                AddHeader(response, "Location", "Where to follow what was created or accepted.", required: true, new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" });
                break;
        }

        // A CSV answer is a download; where the same status may also be JSON, only the CSV carries the header.
        if (response.Content?.Keys.Any(k => k.StartsWith("text/csv", StringComparison.Ordinal)) == true)
        {
            var onlyCsv = response.Content.Keys.All(k => k.StartsWith("text/csv", StringComparison.Ordinal));
            AddHeader(response, "Content-Disposition", "attachment, with the file name to save the CSV as.", required: onlyCsv, new OpenApiSchema { Type = JsonSchemaType.String });
        }
    }

    private static void AddHeader(OpenApiResponse response, string name, string description, bool required, OpenApiSchema schema)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers.TryAdd(name, new OpenApiHeader { Description = description, Required = required, Schema = schema });
    }

    // The framework's reason phrase ("Forbidden") says less than when the Hub answers so.
    private static void Describe(string status, OpenApiResponse response)
    {
        var code = int.Parse(status, NumberStyles.None, CultureInfo.InvariantCulture);
        if (ProblemDescriptions.TryGetValue(code, out var description) && IsProblem(response)
            && (string.IsNullOrEmpty(response.Description) || response.Description == ReasonPhrases.GetReasonPhrase(code)))
        {
            response.Description = description;
        }
    }

    private static bool IsProblem(OpenApiResponse response) => response.Content?.ContainsKey(ProblemContentType) == true;

    // The component the endpoints' own problem responses refer to, so every problem shares one schema. A route that
    // declares no problem of its own has no reference to take, so the component is referred to by its name (and
    // added, should no route have declared it yet).
    private static async Task<IOpenApiSchema> ProblemSchemaAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = operation.Responses!.Values
            .Select(r => r.Content is { } content && content.TryGetValue(ProblemContentType, out var media) ? media.Schema : null)
            .FirstOrDefault(s => s is OpenApiSchemaReference);
        if (declared is not null || context.Document is not { } document)
        {
            return declared ?? await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken);
        }

        if (document.Components?.Schemas?.ContainsKey(nameof(ProblemDetails)) != true)
        {
            document.AddComponent(nameof(ProblemDetails), await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken));
        }

        return new OpenApiSchemaReference(nameof(ProblemDetails), document);
    }

    private static bool IsText(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(string);

    private static OpenApiResponses Sorted(OpenApiResponses responses)
    {
        var sorted = new OpenApiResponses();
        foreach (var (status, response) in responses.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            sorted[status] = response;
        }

        return sorted;
    }
}
