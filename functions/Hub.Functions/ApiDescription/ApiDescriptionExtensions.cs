using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.OpenApi;

namespace Hub.Functions.ApiDescription;

/// <summary>JSON conventions and the OpenAPI document the Hub serves at <c>/api/openapi/v1.json</c>.</summary>
internal static class ApiDescriptionExtensions
{
    public static IServiceCollection AddHubApiDescription(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));

            // Chinese column names and reasons stay readable; HTML-sensitive characters are still escaped.
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Hub: special-group data exchange",
                    Version = "v1",
                    Description = "Departments push feeds; the Hub keeps one profile per person and answers tiered queries. " +
                        "Every call except /api/health needs a bearer token. Resident ID numbers travel in bodies only.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "Entra ID access token in Azure; locally a development token from `hub token`.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer<ExamplesTransformer>();
            options.AddOperationTransformer<PersonExamplesTransformer>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapHubApiDescription(this IEndpointRouteBuilder routes)
    {
        routes.MapOpenApi("/api/openapi/{documentName}.json").WithName("GetOpenApiDocument").AllowAnonymous();
        return routes;
    }
}
