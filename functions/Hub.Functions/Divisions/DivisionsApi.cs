using Hub.Core;
using Hub.Core.Audit;
using Hub.Core.Divisions;
using Hub.Core.Kernel;
using Hub.Functions.Access;
using Hub.Functions.ApiDescription;
using Hub.Functions.Audit;
using Hub.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.Divisions;

/// <summary>
/// The division registry: its divisions and one division with its path, for anyone signed in (names and codes are no
/// person data); loading a new version, for administrators, checked and audited as a policy change.
/// </summary>
internal static class DivisionsApi
{
    // A city's registry with every grid is a few hundred kilobytes; ten times the sample's is room enough.
    private const int MaxFileBytes = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapDivisionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/divisions")
            .WithTags("Divisions")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitExtensions.PerUserPolicy);

        group.MapGet("/", ListDivisions)
            .WithName("ListDivisions")
            .WithSummary("The division registry in force: version and divisions (those directly under 'parent', when given)")
            .Produces<DivisionRegistryView>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest);

        group.MapGet("/{code}", GetDivision)
            .WithName("GetDivision")
            .WithSummary("One division with its path, the code it resolves to today, its children, grids and predecessors")
            .Produces<DivisionDetailView>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        group.MapPut("/", LoadAsync)
            .RequireAuthorization(AuthenticationExtensions.AdministratorPolicy)
            .WithName("LoadDivisions")
            .WithSummary("Load a new version of the division registry (administrators); checked, and audited as a policy change")
            .Accepts<DivisionRegistryDocument>("application/json")
            .Produces<DivisionRegistryLoadView>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge)
            .Audited(AuditAction.PolicyChange);

        return routes;
    }

    public static IServiceCollection AddDivisionsApi(this IServiceCollection services)
    {
        services.AddHostedService<DivisionRegistryRefresh>();
        return services;
    }

    internal static Results<Ok<DivisionRegistryView>, ProblemHttpResult> ListDivisions(string? parent, DivisionDirectory directory)
    {
        var registry = directory.Registry;
        IEnumerable<Division> listed = registry.Divisions;
        if (parent is not null)
        {
            if (!DivisionCode.TryParse(parent, out var code, out _))
            {
                return HubProblems.BadRequest("Invalid division query", "'parent' is a 6-, 9- or 12-digit division code.");
            }

            listed = registry.Children(code.Value);
        }

        var views = listed.OrderBy(d => d.Code.Value, StringComparer.Ordinal).Select(d => View(registry, d)).ToList();
        return TypedResults.Ok(new DivisionRegistryView(registry.Version, registry.Hash, registry.Divisions.Count, registry.Grids.Count, views));
    }

    internal static Results<Ok<DivisionDetailView>, ProblemHttpResult> GetDivision(string code, DivisionDirectory directory)
    {
        if (!DivisionCode.TryParse(code, out var parsed, out _))
        {
            return HubProblems.BadRequest("Invalid division code", "A division code is 6, 9 or 12 digits.");
        }

        var registry = directory.Registry;
        if (registry.Find(parsed.Value) is not { } division)
        {
            return HubProblems.NotFound("Unknown division", $"The division registry {registry.Version} does not hold {parsed.Value.Value}.");
        }

        return TypedResults.Ok(new DivisionDetailView(
            View(registry, division),
            registry.Version,
            registry.Current(division.Code).Value,
            registry.PathOf(division.Code),
            [.. registry.Children(division.Code).Select(d => View(registry, d))],
            [.. registry.GridsOf(division.Code).Select(g => new DivisionGridView(g.Code.Value, g.Name))],
            [.. registry.PredecessorsOf(division.Code).Select(c => c.Value)]));
    }

    internal static async Task<Results<Ok<DivisionRegistryLoadView>, ProblemHttpResult>> LoadAsync(
        HttpRequest request, AuditScope audit, DivisionDirectory directory, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxFileBytes)
        {
            return TooLarge();
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxFileBytes)
        {
            return TooLarge();
        }

        var content = new BinaryData(buffer.ToArray());
        var load = DivisionRegistryFile.Read(content.ToMemory().Span, "registry");
        if (load.Registry is not { } registry)
        {
            audit.Resource = "divisions refused";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid division registry",
                detail: string.Join(" | ", load.Findings.Where(f => f.Severity == FindingSeverity.Error).Take(20).Select(f => $"{f.Key}: {f.Problem}; fix: {f.Fix}")),
                extensions: new Dictionary<string, object?> { ["findings"] = load.Findings });
        }

        audit.Resource = $"divisions {registry.Version} {registry.Hash[..16]}";
        audit.RecordCount = registry.Divisions.Count;
        var outcome = await directory.LoadAsync(registry, content, cancellationToken);
        if (outcome == DivisionRegistryLoadOutcome.VersionTaken)
        {
            return HubProblems.Conflict("Version already loaded", $"Version {registry.Version} was loaded before with other content; a version is never rewritten: give the file a new version.");
        }

        var warnings = load.Findings.Where(f => f.Severity == FindingSeverity.Warning).ToList();
        return TypedResults.Ok(new DivisionRegistryLoadView(
            registry.Version, outcome == DivisionRegistryLoadOutcome.Loaded ? "loaded" : "unchanged", registry.Divisions.Count, registry.Grids.Count, warnings));
    }

    internal static DivisionView View(DivisionRegistry registry, Division division) => new(
        division.Code.Value,
        division.Name,
        DivisionRegistry.LevelName(division.Level),
        division.Parent?.Value,
        division.ValidFrom,
        division.ValidTo,
        division.Successor?.Value,
        registry.FullNameOf(division.Code) ?? division.Name);

    private static ProblemHttpResult TooLarge() =>
        HubProblems.Of(StatusCodes.Status413PayloadTooLarge, "Registry too large", $"A division registry file is at most {MaxFileBytes} bytes.");
}
