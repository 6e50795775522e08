using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Hub.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Tests.Shared;

/// <summary>Test policies on the Hub's table client.</summary>
internal static class TableClientPolicies
{
    /// <summary>Replaces the Hub's table client with one that carries <paramref name="policy"/> after the Hub's operation counter.</summary>
    public static void AddTableClientWith(this IServiceCollection services, string connectionString, HttpPipelinePolicy policy) => services.AddSingleton(sp =>
    {
        var options = new TableClientOptions();
        options.AddPolicy(sp.GetRequiredService<StorageOperationCounter>(), HttpPipelinePosition.PerRetry);
        options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        return new TableServiceClient(connectionString, options);
    });
}
