using Azure.Data.Tables;
using Hub.Functions.Tests.Infrastructure;
using Hub.Tests.Shared;

namespace Hub.Functions.Tests.Audit;

[Collection(AzuriteFixture.Collection)]
public sealed class PolicyChangeAuditTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_start_records_a_policy_change_only_when_a_policy_file_differs_from_the_last_start()
    {
        var prefix = AzuriteFixture.UniquePrefix();
        var policy = Path.Combine(Directory.CreateTempSubdirectory("hub-policy-").FullName, "access.json");
        File.Copy(ShippedFiles.AccessPolicy, policy);
        var settings = new Dictionary<string, string?> { ["Hub:Access:PolicyPath"] = policy };

        var first = await StartAndReadPolicyEventsAsync(settings, prefix);
        var same = await StartAndReadPolicyEventsAsync(settings, prefix);
        await File.AppendAllTextAsync(policy, "\n");
        var changed = await StartAndReadPolicyEventsAsync(settings, prefix, deleteStorage: true);

        var initial = Assert.Single(first);
        Assert.Contains("access-policy", initial, StringComparison.Ordinal);
        Assert.Contains("sources/police.json", initial, StringComparison.Ordinal);
        Assert.Equal(first, same);
        Assert.Equal(2, changed.Count);
        Assert.StartsWith("access-policy ", changed[1], StringComparison.Ordinal);
        Assert.DoesNotContain(";", changed[1], StringComparison.Ordinal);
    }

    private async Task<List<string>> StartAndReadPolicyEventsAsync(Dictionary<string, string?> settings, string prefix, bool deleteStorage = false)
    {
        await using var hub = new HubFactory(azurite, settings, prefix) { DeleteStorageOnDispose = deleteStorage };
        hub.CreateClient().Dispose();
        var events = await hub.Storage.Audit
            .QueryAsync<TableEntity>(e => e.PartitionKey.CompareTo("d") > 0 && e.PartitionKey.CompareTo("e") < 0)
            .Where(e => e.GetString("Action") == "policy.change")
            .ToListAsync();
        return events.OrderBy(e => e.RowKey, StringComparer.Ordinal).Select(e => e.GetString("Resource") ?? string.Empty).ToList();
    }
}
