using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hub.Functions.ApiDescription;

/// <summary>
/// The bearer requirement on every operation that needs a token, and an explicit empty requirement on those that do
/// not, so a client (and a reader) never has to guess which is which.
/// </summary>
internal sealed class SecurityRequirementTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        operation.Security ??= [];
        if (ResponseContractTransformer.RequiresToken(context.Description.ActionDescriptor.EndpointMetadata))
        {
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", context.Document)] = [] });
        }

        return Task.CompletedTask;
    }
}
