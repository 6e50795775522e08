using System.Text.Json;
using Hub.Core.Profiles;
using Hub.Core.Profiles.Facts;
using Hub.Core.Protection;
using Hub.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Functions.Tests.Infrastructure;

/// <summary>A source's stored facts as the Hub reads them: every attribute, the sealed ones opened with each person's data key.</summary>
internal static class OpenedFacts
{
    public static async Task<List<FactView>> OfAsync(IServiceProvider services, string source)
    {
        var storage = services.GetRequiredService<HubStorage>();
        var rows = await storage.FactsTable.QueryRowsAsync("PartitionKey ne ''").ToListAsync();
        return [.. PersonRows.Group(rows, services.GetRequiredService<KeyRing>()).Values
            .SelectMany(p => p.Facts)
            .Where(f => f.Source == source)
            .Select(f => f.ToView())];
    }

    /// <summary>Every stored fact's attributes, opened, by row key.</summary>
    public static async Task<Dictionary<string, IReadOnlyDictionary<string, string>>> ByRowKeyAsync(IServiceProvider services)
    {
        var storage = services.GetRequiredService<HubStorage>();
        var rows = await storage.FactsTable.QueryRowsAsync("PartitionKey ne ''").ToListAsync();
        return PersonRows.Group(rows, services.GetRequiredService<KeyRing>()).Values
            .SelectMany(p => p.Facts)
            .ToDictionary(f => f.RowKey, f => f.ToView().Attributes, StringComparer.Ordinal);
    }

    /// <summary>The attributes as canonical JSON (sorted), as a fact stored them before values were sealed.</summary>
    public static string Json(FactView fact) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(fact.Attributes.ToDictionary(), StringComparer.Ordinal), StorageJson.Options);
}
