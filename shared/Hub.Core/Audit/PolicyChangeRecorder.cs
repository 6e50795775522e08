using System.Security.Cryptography;
using System.Text.Json;
using Hub.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Core.Audit;

/// <summary>
/// Audits changes of policy. What the Hub discloses to whom is decided by files loaded at start-up: the access policy,
/// the source mappings (each field's sensitivity and sharing type), the profile rules and the match rules. At every
/// start the files' hashes are compared with those in force at the previous start; when any differ, a
/// <c>policy.change</c> event names the files that changed (names and hashes only, never content), so an auditor
/// sees when the rules changed, next to the accesses made under them.
/// </summary>
public sealed partial class PolicyChangeRecorder(
    HubStorage storage,
    AuditLog log,
    IOptions<PolicyFileOptions> policyFiles,
    ILogger<PolicyChangeRecorder> logger)
{
    /// <summary>The partition and row of the hashes in force, in the audit table beside the chain.</summary>
    public const string StatePartition = "policy";

    private const string StateRow = "current";

    /// <summary>Compares the files in force with those of the last start and records an event when they differ.</summary>
    /// <returns>The names of the files that changed (all of them at the first start); empty when none did.</returns>
    public async Task<IReadOnlyList<string>> RecordAsync(CancellationToken cancellationToken = default)
    {
        var current = Fingerprint();
        var stored = await storage.AuditTable.GetAsync<PolicyStateEntity>(StatePartition, StateRow, cancellationToken).ConfigureAwait(false);
        var previous = stored?.Files is { } json
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []
            : [];
        var changed = current.Keys.Union(previous.Keys)
            .Where(name => current.GetValueOrDefault(name) != previous.GetValueOrDefault(name))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (changed.Count == 0)
        {
            return changed;
        }

        await log.AppendAsync(
            new AuditEvent
            {
                Actor = new AuditActor("hub", "system"),
                Action = AuditAction.PolicyChange,
                Resource = Describe(changed, current),
                Outcome = AuditOutcome.Allowed,
                RecordCount = changed.Count,
            },
            cancellationToken).ConfigureAwait(false);
        var state = new PolicyStateEntity { PartitionKey = StatePartition, RowKey = StateRow, Files = JsonSerializer.Serialize(current) };
        await storage.AuditTable.UpsertAsync(state, EntityUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        LogPolicyChanged(logger, changed.Count);
        return changed;
    }

    /// <summary>File name → SHA-256 of its bytes, for every policy file in force.</summary>
    private Dictionary<string, string> Fingerprint()
    {
        var files = new Dictionary<string, string>(policyFiles.Value.Files, StringComparer.Ordinal);
        foreach (var (prefix, folder) in policyFiles.Value.Folders)
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                files[$"{prefix}/{Path.GetFileName(file)}"] = file;
            }
        }

        return files.ToDictionary(f => f.Key, f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f.Value))), StringComparer.Ordinal);
    }

    private static string Describe(List<string> changed, Dictionary<string, string> current)
    {
        var text = string.Join("; ", changed.Select(name => current.TryGetValue(name, out var hash) ? $"{name} {hash[..16]}" : $"{name} removed"));
        return text.Length <= AuditEvent.MaxTextLength ? text : text[..(AuditEvent.MaxTextLength - 1)] + "…";
    }

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Policy files changed since the last start ({Count}); recorded in the audit trail")]
    private static partial void LogPolicyChanged(ILogger logger, int count);
}
