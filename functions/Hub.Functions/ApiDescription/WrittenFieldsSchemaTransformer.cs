using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hub.Functions.ApiDescription;

/// <summary>
/// Lists as required only the properties the serializer always writes. A property it may leave out (an ignore
/// condition such as <c>WhenWritingNull</c>, or a custom <c>ShouldSerialize</c>) is optional in the schema, so a
/// client that checks required fields does not refuse an answer the Hub really sends.
/// </summary>
internal sealed class WrittenFieldsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var info = context.JsonTypeInfo;
        if (info.Kind != System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object || schema.Required is not { Count: > 0 } required)
        {
            return Task.CompletedTask;
        }

        foreach (var property in info.Properties)
        {
            if (MayBeLeftOut(property, info.Options.DefaultIgnoreCondition))
            {
                required.Remove(property.Name);
            }
        }

        return Task.CompletedTask;
    }

    private static bool MayBeLeftOut(System.Text.Json.Serialization.Metadata.JsonPropertyInfo property, JsonIgnoreCondition defaultCondition)
    {
        if (property.ShouldSerialize is not null)
        {
            return true;
        }

        var attribute = property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true).OfType<JsonIgnoreAttribute>().FirstOrDefault();
        var condition = attribute?.Condition ?? defaultCondition;
        return condition is JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault or JsonIgnoreCondition.Always;
    }
}
