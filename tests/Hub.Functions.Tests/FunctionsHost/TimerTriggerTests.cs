using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hub.Core.Audit;
using Hub.Core.Storage;
using Hub.Functions.FunctionsHost;
using Hub.Functions.Tests.Audit;
using Hub.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Functions.Tests.FunctionsHost;

[Collection(AzuriteFixture.Collection)]
public sealed class TimerTriggerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // The Hub's own runner is off: the test drives one with a clock it controls.
    private readonly HubFactory _hub = new(azurite, new Dictionary<string, string?> { ["Hub:Triggers:RunLocally"] = "false" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public void The_checkpoint_timer_gets_a_timer_trigger_function_json_with_the_configured_schedule()
    {
        var sources = _hub.Services.GetServices<EndpointDataSource>().ToList();
        var output = Directory.CreateTempSubdirectory("hub-functions-");
        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Hub:Audit:CheckpointSchedule"] = "0 0 * * * *" }).Build();

        FunctionMetadataCommand.Write(sources, "", output.FullName);
        var byDefault = Binding(output, "WriteAuditCheckpoints");
        FunctionMetadataCommand.Write(sources, "", output.FullName, configured);
        var overridden = Binding(output, "WriteAuditCheckpoints");

        Assert.Equal("timerTrigger", (string?)byDefault["type"]);
        Assert.Equal("timer", (string?)byDefault["name"]);
        Assert.Equal("0 */15 * * * *", (string?)byDefault["schedule"]);
        Assert.Equal("0 0 * * * *", (string?)overridden["schedule"]);
    }

    [Fact]
    public void A_schedule_that_is_not_ncrontab_stops_the_metadata_generation_naming_the_setting()
    {
        var sources = _hub.Services.GetServices<EndpointDataSource>().ToList();
        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Hub:Audit:CheckpointSchedule"] = "every 15 minutes" }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => FunctionMetadataGenerator.Generate(sources, "", configured));

        Assert.Contains("Hub:Audit:CheckpointSchedule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_local_runner_fires_the_checkpoint_timer_on_schedule_and_a_checkpoint_blob_appears()
    {
        await _hub.Services.GetRequiredService<AuditLog>().AppendAsync(AuditTestStorage.Read(1, AuditTestStorage.Person(1)));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var runner = new LocalTriggerRunner(
            _hub.Services.GetRequiredService<IServiceScopeFactory>(),
            _hub.Services.GetRequiredService<HubStorage>(),
            Options.Create(new QueueTriggerOptions()),
            _hub.Services.GetRequiredService<IConfiguration>(),
            time,
            NullLogger<LocalTriggerRunner>.Instance);

        await runner.StartAsync(CancellationToken.None);
        var noneBefore = await CheckpointsAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var found = noneBefore;
        while (found.Count == 0 && DateTime.UtcNow < deadline)
        {
            // A minute of the fake clock at a time, so the timer registered its delay before the clock passes it.
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(50);
            found = await CheckpointsAsync();
        }

        await runner.StopAsync(CancellationToken.None);

        Assert.Empty(noneBefore);
        Assert.StartsWith(AuditPartitionOf(DateTimeOffset.UtcNow), Assert.Single(found), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_functions_host_fires_the_checkpoint_timer_through_its_handler_endpoint()
    {
        await _hub.Services.GetRequiredService<AuditLog>().AppendAsync(AuditTestStorage.Read(1, AuditTestStorage.Person(1)));
        using var client = _hub.CreateClient();

        using var response = await client.PostAsJsonAsync("/WriteAuditCheckpoints", new
        {
            Data = new { timer = """{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}""" },
            Metadata = new { sys = new { MethodName = "WriteAuditCheckpoints" } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("done", (string?)body["Logs"]![0], StringComparison.Ordinal);
        Assert.Single(await CheckpointsAsync());
    }

    private static string AuditPartitionOf(DateTimeOffset time) => "d" + time.UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonNode Binding(DirectoryInfo output, string function) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(output.FullName, function, "function.json")))!["bindings"]![0]!;

    private async Task<List<string>> CheckpointsAsync()
    {
        var names = new List<string>();
        if (!await _hub.Storage.AuditCheckpoints.ExistsAsync())
        {
            return names;
        }

        await foreach (var blob in _hub.Storage.AuditCheckpoints.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
