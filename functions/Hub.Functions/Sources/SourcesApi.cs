using Hub.Core.Feeds.Sources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.Sources;

/// <summary>The configured sources and how their columns map to Hub attributes.</summary>
internal static class SourcesApi
{
    public static IEndpointRouteBuilder MapSourcesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/sources")
            .WithTags("Sources")
            .RequireAuthorization();

        group.MapGet("/", ListSources)
            .WithName("ListSources")
            .WithSummary("The configured sources and their field mappings");

        return routes;
    }

    internal static Ok<IReadOnlyList<SourceMapping>> ListSources(SourceCatalog sources) =>
        TypedResults.Ok<IReadOnlyList<SourceMapping>>(sources.All.ToList());
}
