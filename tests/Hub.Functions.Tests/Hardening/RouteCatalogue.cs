using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Functions.Tests.Hardening;

/// <summary>A route the Hub describes: method, template, and the names of its route and query parameters.</summary>
internal sealed record CataloguedRoute(string Method, string Template, IReadOnlyList<string> RouteParameters, IReadOnlyList<string> QueryParameters, bool TakesBody)
{
    /// <summary>Every route of the Hub's API description (the OpenAPI document's source), with its parameters.</summary>
    public static IReadOnlyList<CataloguedRoute> Of(IServiceProvider services) =>
        services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Where(d => d.HttpMethod is not null && d.RelativePath is not null)
            .Select(d => new CataloguedRoute(
                d.HttpMethod!,
                "/" + d.RelativePath!,
                d.ParameterDescriptions.Where(p => p.Source == BindingSource.Path).Select(p => p.Name).ToList(),
                d.ParameterDescriptions.Where(p => p.Source == BindingSource.Query).Select(p => p.Name).ToList(),
                d.HttpMethod is "POST" or "PUT" or "PATCH"))
            .DistinctBy(r => (r.Method, r.Template))
            .OrderBy(r => r.Template, StringComparer.Ordinal)
            .ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();
}
