using Hub.Core.Access;
using Hub.Core.Feeds.Sources;
using Hub.Core.Identity.Matching;
using Hub.Core.Profiles;

namespace Hub.Functions.Hosting;

/// <summary>
/// Loads the source mappings, the profile rules, the match rules and the access policy at start-up, so a bad file stops the Hub at boot with a message
/// naming it, rather than failing the first batch. <see cref="HubFilesStartup"/> has logged the findings already, line by line.
/// </summary>
internal sealed class ConfigurationCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<SourceCatalog>();
        services.GetRequiredService<ProfileBuilder>();
        services.GetRequiredService<PersonMatcher>();
        services.GetRequiredService<PolicyRenderer>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
