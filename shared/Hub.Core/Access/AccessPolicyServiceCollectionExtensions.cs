using Hub.Core.Audit;
using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Core.Access;

/// <summary>Registers the access policy, the field catalogue and the renderer.</summary>
public static class AccessPolicyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the access policy loaded from <c>Hub:Access:PolicyPath</c> and checked against the source mappings
    /// (which <see cref="HubCoreServiceCollectionExtensions.AddHubFeeds"/> registers). Resolve <see cref="PolicyRenderer"/>
    /// at start-up to stop a Hub with a broken policy at boot.
    /// </summary>
    public static IServiceCollection AddHubAccessPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessPolicyOptions>()
            .Bind(configuration.GetSection(AccessPolicyOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.PolicyPath), $"{AccessPolicyOptions.SectionName}:PolicyPath must name the access policy file.")
            .ValidateOnStart();
        services.AddPolicyFile<AccessPolicyOptions>("access-policy", o => o.PolicyPath);
        services.AddSingleton(sp => new FieldCatalogue(sp.GetRequiredService<SourceCatalog>()));
        services.AddSingleton(sp =>
        {
            var path = sp.GetRequiredService<IOptions<AccessPolicyOptions>>().Value.PolicyPath;
            var policy = AccessPolicy.Load(ConfiguredPath.Resolve(path));
            var problems = policy.CheckAgainst(sp.GetRequiredService<FieldCatalogue>());
            return problems.Count == 0
                ? policy
                : throw new InvalidDataException($"The access policy ({AccessPolicyOptions.SectionName}:PolicyPath) does not fit the source mappings: {string.Join("; ", problems)}");
        });
        services.AddSingleton<PolicyRenderer>();
        return services;
    }
}
