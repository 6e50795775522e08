using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hub.Functions.ApiDescription;

/// <summary>
/// Writes a nullable key or code (the framework's <c>oneOf: [null, $ref]</c> around a string schema such as
/// <c>HouseholdKey</c>) as the nullable string it is, with the component's pattern. Generators read a oneOf with a
/// reference as a composed object, so a client would otherwise model the key as an object and lose its value, the
/// very thing <see cref="StringValueSchemaTransformer"/> prevents for keys that are never null.
/// </summary>
internal sealed class NullableValueTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var components = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var visited = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance);
        foreach (var schema in components.Values)
        {
            Visit(schema, components, visited);
        }

        var operations = (document.Paths ?? []).Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []);
        foreach (var operation in operations)
        {
            var requests = operation.RequestBody?.Content?.Values.AsEnumerable() ?? [];
            var responses = (operation.Responses?.Values.AsEnumerable() ?? []).SelectMany(r => r.Content?.Values.AsEnumerable() ?? []);
            foreach (var media in requests.Concat(responses))
            {
                if (media.Schema is { } schema)
                {
                    media.Schema = Simplified(schema, components);
                    Visit(media.Schema, components, visited);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static void Visit(IOpenApiSchema schema, IDictionary<string, IOpenApiSchema> components, HashSet<IOpenApiSchema> visited)
    {
        // References are visited where they are defined, among the components.
        if (schema is not OpenApiSchema concrete || !visited.Add(concrete))
        {
            return;
        }

        foreach (var name in concrete.Properties?.Keys.ToList() ?? [])
        {
            concrete.Properties![name] = Simplified(concrete.Properties[name], components);
            Visit(concrete.Properties[name], components, visited);
        }

        if (concrete.Items is { } items)
        {
            concrete.Items = Simplified(items, components);
            Visit(concrete.Items, components, visited);
        }

        if (concrete.AdditionalProperties is { } additional)
        {
            concrete.AdditionalProperties = Simplified(additional, components);
            Visit(concrete.AdditionalProperties, components, visited);
        }

        foreach (var branch in (concrete.OneOf ?? []).Concat(concrete.AnyOf ?? []).Concat(concrete.AllOf ?? []))
        {
            Visit(branch, components, visited);
        }
    }

    private static IOpenApiSchema Simplified(IOpenApiSchema schema, IDictionary<string, IOpenApiSchema> components)
    {
        if (schema is not OpenApiSchema { OneOf: [OpenApiSchema { Type: JsonSchemaType.Null }, OpenApiSchemaReference reference] } wrapper
            || reference.Reference.Id is not { } id
            || !components.TryGetValue(id, out var target)
            || target is not { Type: JsonSchemaType.String, Enum: null or { Count: 0 } })
        {
            return schema;
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.String | JsonSchemaType.Null,
            Pattern = target.Pattern,
            Format = target.Format,
            Description = reference.Description ?? wrapper.Description ?? target.Description,
        };
    }
}
