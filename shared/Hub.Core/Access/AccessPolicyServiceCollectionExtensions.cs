using Hub.Core.Audit;
using Hub.Core.Feeds.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Core.Access;

/// <summary>Registers the access policy, the field catalogue and the renderer.</summary>
public static class AccessPolicyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the access policy loaded from <c>Hub:Access:PolicyPath</c> and checked against the source mappings by
    /// <see cref="HubFilesCheck"/> (which <see cref="HubCoreServiceCollectionExtensions.AddHubFeeds"/> registers). Resolve
    /// <see cref="PolicyRenderer"/> at start-up to stop a Hub with a broken policy at boot.
    /// </summary>
    public static IServiceCollection AddHubAccessPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessPolicyOptions>()
            .Bind(configuration.GetSection(AccessPolicyOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.PolicyPath), $"{AccessPolicyOptions.SectionName}:PolicyPath must name the access policy file.")
            .ValidateOnStart();
        services.AddPolicyFile<AccessPolicyOptions>("access-policy", o => o.PolicyPath);
        services.AddSingleton(sp => new FieldCatalogue(sp.GetRequiredService<SourceCatalog>()));
        // Loaded and checked with the other files (HubFilesCheck, registered by AddHubFeeds): a mask naming an attribute
        // no source maps yet is a warning, not a reason to stop.
        services.AddSingleton(sp => sp.GetRequiredService<HubFilesReport>().Require(r => r.AccessPolicy));
        services.AddSingleton<PolicyRenderer>();
        return services;
    }
}
