using Hub.Core.Kernel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Core.Audit;

/// <summary>Names the policy files whose changes <see cref="PolicyChangeRecorder"/> records.</summary>
public static class PolicyFileServiceCollectionExtensions
{
    /// <summary>Records changes of the file at the configured path <paramref name="path"/> of <typeparamref name="TOptions"/>.</summary>
    public static IServiceCollection AddPolicyFile<TOptions>(this IServiceCollection services, string name, Func<TOptions, string> path)
        where TOptions : class
    {
        services.AddOptions<PolicyFileOptions>().Configure<IOptions<TOptions>>((files, options) => files.Files[name] = ConfiguredPath.Resolve(path(options.Value)));
        return services;
    }

    /// <summary>Records changes of every <c>*.json</c> file in the configured folder <paramref name="path"/> of <typeparamref name="TOptions"/>.</summary>
    public static IServiceCollection AddPolicyFolder<TOptions>(this IServiceCollection services, string prefix, Func<TOptions, string> path)
        where TOptions : class
    {
        services.AddOptions<PolicyFileOptions>().Configure<IOptions<TOptions>>((files, options) => files.Folders[prefix] = ConfiguredPath.Resolve(path(options.Value)));
        return services;
    }
}
