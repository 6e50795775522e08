using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Hub.Core.Profiles;
using Microsoft.AspNetCore.Http.Json;

namespace Hub.Functions.ApiDescription;

/// <summary>JSON conventions and the OpenAPI document the Hub serves at <c>/api/openapi/v1.json</c>.</summary>
/// <remarks>
/// The document is derived from the code (endpoint metadata and the serializer's contracts), not written beside it:
/// the transformers below turn what the endpoints declare and how the JSON options write each type into the statuses,
/// headers and schemas the Hub really answers with. The tests check every answer they receive against it.
/// </remarks>
internal static class ApiDescriptionExtensions
{
    public static IServiceCollection AddHubApiDescription(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));

            // Keys and codes travel as their plain strings, in every answer as in stored profiles.
            foreach (var converter in ProfileJson.ValueConverters)
            {
                o.SerializerOptions.Converters.Add(converter);
            }

            // Chinese column names and reasons stay readable; HTML-sensitive characters are still escaped.
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<HubDocumentTransformer>();
            options.AddDocumentTransformer<NullableValueTransformer>();
            options.AddSchemaTransformer<StringValueSchemaTransformer>();
            options.AddSchemaTransformer<WrittenFieldsSchemaTransformer>();
            options.AddSchemaTransformer<EnumSchemaTransformer>();
            options.AddOperationTransformer<SecurityRequirementTransformer>();

            // The feed push's body is described by the examples transformer, so it runs before the statuses are derived.
            options.AddOperationTransformer<ExamplesTransformer>();
            options.AddOperationTransformer<PersonExamplesTransformer>();
            options.AddOperationTransformer<ResponseContractTransformer>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapHubApiDescription(this IEndpointRouteBuilder routes)
    {
        routes.MapOpenApi("/api/openapi/{documentName}.json").WithName("GetOpenApiDocument").AllowAnonymous();
        return routes;
    }
}
