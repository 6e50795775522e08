using Hub.Core.Kernel;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hub.Functions.ApiDescription;

/// <summary>
/// Describes every value the JSON options write through a <see cref="IStringValueJsonConverter"/> (person keys,
/// division codes, group ids, household keys) as what is sent: a string of the converter's pattern. Without it the
/// schema would list the value type's members, and a generated client would read an object and lose the value.
/// </summary>
internal sealed class StringValueSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type);
        if (context.JsonTypeInfo.Options.GetConverter(underlying ?? type) is not IStringValueJsonConverter converter)
        {
            return Task.CompletedTask;
        }

        // A nullable use is wrapped by the framework (oneOf null and a reference to this schema), which may be shared.
        schema.Type = JsonSchemaType.String;
        schema.Pattern = converter.Pattern;
        schema.Format = null;
        schema.Properties = null;
        schema.Required = null;
        schema.AdditionalProperties = null;
        schema.AdditionalPropertiesAllowed = true;
        return Task.CompletedTask;
    }
}
