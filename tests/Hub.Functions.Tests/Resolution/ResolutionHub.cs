using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Core.Feeds.Batches;
using Hub.Core.Identity.Keys;
using Hub.Core.Kernel;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Functions.Tests.Resolution;

/// <summary>The Hub with matching sources, seen by its departments and by one data steward.</summary>
internal sealed class ResolutionHub : IAsyncDisposable
{
    public const string StewardId = "steward-7";

    private readonly MatchingSources _sources = new();

    public ResolutionHub(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? testServices = null)
    {
        Factory = new HubFactory(azurite, _sources.Settings.Concat(settings ?? new Dictionary<string, string?>()).ToDictionary()) { TestServices = testServices };
        Steward = Factory.CreateClientWithToken(DevelopmentTokens.MintPersonal(StewardId, [HubRoles.DataSteward], "110100000000"));
    }

    public HubFactory Factory { get; }

    public HttpClient Steward { get; }

    /// <summary>Pushes a feed as <paramref name="source"/>'s publisher and expects it to complete.</summary>
    public async Task<BatchReport> PushAsync(string source, byte[] csv)
    {
        var report = await Factory.CreatePublisherClient(source).PushAndWaitAsync(source, csv, "text/csv");
        Assert.True(report.Status == BatchStatus.Completed, $"The {source} batch failed: {report.FailureReason}");
        return report;
    }

    public string KeyOf(string id) => Factory.Services.GetRequiredService<PersonKeyHasher>().Hash(ResidentId.Parse(id)).Value;

    /// <summary>The provisional key of the one record <paramref name="source"/> sent without a usable ID.</summary>
    public async Task<string> UnidentifiedKeyAsync(string source)
    {
        var facts = await Factory.Storage.QueryFactsAsync<TableEntity>(f => f.GetString("Source") == source).ToListAsync();
        return Assert.Single(facts, f => f.GetBoolean("Identified") == false).GetString("PersonKey");
    }

    public async Task<JsonNode> ProfileAsync(string key) =>
        JsonNode.Parse(await Steward.GetStringAsync(new Uri($"/api/profiles/{key}", UriKind.Relative)))!;

    /// <summary>The items of the first page of the queue, as the steward sees it.</summary>
    public async Task<JsonArray> QueueAsync() => (await QueuePageAsync(Steward, string.Empty))["items"]!.AsArray();

    /// <summary>A page of the queue as <paramref name="client"/> sees it, for the query string <paramref name="query"/>.</summary>
    public static async Task<JsonNode> QueuePageAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(new Uri("/api/resolution/queue" + query, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"The queue{query} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>The audit events of the last hour, oldest first, without the Hub's own start-up event.</summary>
    public async Task<IReadOnlyList<AuditRecord>> EventsAsync()
    {
        var query = new AuditQuery { From = DateTimeOffset.UtcNow.AddHours(-1), To = DateTimeOffset.UtcNow.AddHours(1) };
        var events = new List<AuditRecord>();
        await foreach (var record in Factory.Services.GetRequiredService<AuditSearch>().SearchAllAsync(query))
        {
            if (record.Event.Action != AuditAction.PolicyChange)
            {
                events.Add(record);
            }
        }

        return events;
    }

    public async Task<JsonArray> HistoryAsync(string key) =>
        JsonNode.Parse(await Steward.GetStringAsync(new Uri($"/api/resolution/persons/{key}/history", UriKind.Relative)))!.AsArray();

    /// <summary>Posts a steward's decision and expects <paramref name="expected"/>; returns the body.</summary>
    public async Task<JsonNode> DecideAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Steward.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public async ValueTask DisposeAsync()
    {
        Steward.Dispose();
        await Factory.Storage.DeleteResidentsAsync();
        await Factory.Storage.Reviews.DeleteAsync();
        await Factory.DisposeAsync();
        _sources.Dispose();
    }
}
