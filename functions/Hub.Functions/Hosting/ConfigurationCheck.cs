using Hub.Core.Matching;
using Hub.Core.Profiles;
using Hub.Core.Sources;

namespace Hub.Functions.Hosting;

/// <summary>
/// Loads the source mappings, the profile rules and the match rules at start-up, so a bad file stops the Hub at boot with a message
/// naming it, rather than failing the first batch.
/// </summary>
internal sealed class ConfigurationCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<SourceCatalog>();
        services.GetRequiredService<ProfileBuilder>();
        services.GetRequiredService<PersonMatcher>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
