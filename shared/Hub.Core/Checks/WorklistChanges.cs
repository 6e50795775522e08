namespace Hub.Core.Checks;

/// <summary>
/// What the findings of a batch's evaluated persons do to their stored items. Pure, so that running the same data
/// again is seen to change nothing: a new finding opens an item; one found before changes nothing but refreshed evidence
/// or places (a resolved one is reopened, a decided one stays decided); an open item not found again is resolved.
/// </summary>
internal static class WorklistChanges
{
    public const string HubActor = "hub";

    /// <param name="existing">Every stored item of the evaluated persons.</param>
    /// <param name="findings">What the checks found for them now, each with its person.</param>
    /// <param name="batchId">The batch whose data the findings come from.</param>
    /// <param name="now">When.</param>
    public static IReadOnlyList<(WorklistItem? Before, WorklistItem After)> Plan(
        IEnumerable<WorklistItem> existing, IEnumerable<(CheckFinding Finding, EvaluatedPerson Person)> findings, string batchId, DateTimeOffset now)
    {
        var stored = existing.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var changes = new List<(WorklistItem? Before, WorklistItem After)>();
        foreach (var (finding, person) in findings)
        {
            if (!found.Add(finding.ItemId))
            {
                continue;
            }

            var before = stored.GetValueOrDefault(finding.ItemId);
            if (After(before, finding, person, batchId, now) is { } after)
            {
                changes.Add((before, after));
            }
        }

        foreach (var before in stored.Values.Where(i => i.Status == WorklistStatus.Open && !found.Contains(i.Id)).OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            changes.Add((before, before with
            {
                Status = WorklistStatus.Resolved,
                UpdatedAt = now,
                History = [.. before.History, new WorklistHistoryEntry(now, HubActor, "resolved", "the condition no longer holds", batchId)],
            }));
        }

        return changes;
    }

    // The item after a finding: null when nothing changes.
    private static WorklistItem? After(WorklistItem? before, CheckFinding finding, EvaluatedPerson person, string batchId, DateTimeOffset now)
    {
        if (before is null)
        {
            return new WorklistItem
            {
                Id = finding.ItemId,
                Rule = finding.Rule.Id,
                Owner = finding.Rule.Owner,
                PersonKey = finding.PersonKey,
                Status = WorklistStatus.Open,
                Evidence = finding.Evidence,
                History = [new WorklistHistoryEntry(now, HubActor, "opened", null, batchId)],
                OpenedAt = now,
                UpdatedAt = now,
                Residence = person.Residence,
                Registration = person.Registration,
                Name = person.Name,
                NameSource = person.NameSource,
            };
        }

        var refreshed = before with
        {
            Evidence = finding.Evidence,
            Residence = person.Residence,
            Registration = person.Registration,
            Name = person.Name,
            NameSource = person.NameSource,
        };
        if (before.Status == WorklistStatus.Resolved)
        {
            return refreshed with
            {
                Status = WorklistStatus.Open,
                UpdatedAt = now,
                History = [.. before.History, new WorklistHistoryEntry(now, HubActor, "reopened", "the condition holds again", batchId)],
            };
        }

        var same = WorklistEntity.EvidenceJson(before.Evidence) == WorklistEntity.EvidenceJson(refreshed.Evidence)
            && before.Residence == refreshed.Residence
            && before.Registration == refreshed.Registration
            && before.Name == refreshed.Name
            && before.NameSource == refreshed.NameSource;
        return same ? null : refreshed with { UpdatedAt = now };
    }
}
