using Hub.Core;
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
            .WithSummary("The configured sources, their field mappings, and the start-up check's warnings");

        return routes;
    }

    internal static Ok<SourcesOverview> ListSources(HubFilesReport files) =>
        TypedResults.Ok(new SourcesOverview(
            [.. files.Require(f => f.Sources).All],
            [.. files.Warnings.Select(w => w with { File = Path.GetRelativePath(AppContext.BaseDirectory, w.File) })]));
}
