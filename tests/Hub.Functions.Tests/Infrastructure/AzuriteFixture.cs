using Azure.Data.Tables;

namespace Hub.Functions.Tests.Infrastructure;

/// <summary>
/// The storage emulator the integration tests run against: probed once per test run. eng/test.sh starts a pinned
/// Azurite in memory and passes its connection string in HUB_TEST_STORAGE. Without it the tests fail with the
/// reason, they never skip: a green run must mean the storage code ran.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string Collection = "Azurite";

    private static int _classCounter;

    public string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("HUB_TEST_STORAGE") is { Length: > 0 } configured ? configured : "UseDevelopmentStorage=true";

    /// <summary>A fresh name prefix for one test class's tables, queues and containers.</summary>
    public static string UniquePrefix() => $"t{Environment.ProcessId % 10000}x{Interlocked.Increment(ref _classCounter)}x";

    public async Task InitializeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await new TableServiceClient(ConnectionString).GetPropertiesAsync(timeout.Token);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(
                "Azurite is not reachable. Run the tests with eng/test.sh, which installs and starts it, or set HUB_TEST_STORAGE to a storage connection string.", ex);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
