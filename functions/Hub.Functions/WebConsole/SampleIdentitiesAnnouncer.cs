using Hub.Functions.Access;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Hub.Functions.WebConsole;

/// <summary>Says, once the Hub listens, where the console is and (in Development) which sample identities sign in.</summary>
internal sealed partial class SampleIdentitiesAnnouncer(
    IHostApplicationLifetime lifetime, IServer server, IHostEnvironment environment, IOptions<HubAuthOptions> auth, ILogger<SampleIdentitiesAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Announce);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce()
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/') ?? string.Empty;
        var consoleUrl = address + ConsoleApi.BasePath;
        LogConsole(logger, consoleUrl);
        if (DevelopmentSignIn.IsEnabled(environment, auth.Value))
        {
            var identities = DevelopmentSignIn.Describe();
            LogIdentities(logger, identities);
        }
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Web console: {ConsoleUrl}")]
    private static partial void LogConsole(ILogger logger, string consoleUrl);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Development sign-in (fictional sample identities):\n{Identities}")]
    private static partial void LogIdentities(ILogger logger, string identities);
}
