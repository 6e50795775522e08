using System.Text.Json;
using Hub.Core.Access;
using Hub.Core.Kernel;
using Hub.Core.Profiles;
using Hub.Core.Protection;
using Hub.Core.Storage;

namespace Hub.Core.Checks;

/// <summary>
/// A row of the worklist table: the item itself (partition of its person) or one of its index rows (its owner's
/// partition, a street's partition), each a whole copy of the item, so a list reads one partition and nothing else.
/// Evidence and history are JSON; the name and evidence values are personal data, rendered by the access policy only.
/// </summary>
internal sealed class WorklistEntity : StoredEntity
{
    // Keys, codes and enums as plain strings, defaults left out: evidence is stored in every copy of an item.
    private static readonly JsonSerializerOptions Json = ProfileJson.Options;

    public string Id { get; set; } = string.Empty;

    public string Rule { get; set; } = string.Empty;

    public string Owner { get; set; } = string.Empty;

    public string PersonKey { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public string Evidence { get; set; } = "[]";

    public string History { get; set; } = "[]";

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? ResidenceDivision { get; set; }

    public string? ResidenceGrid { get; set; }

    public string? RegistrationDivision { get; set; }

    public string? RegistrationGrid { get; set; }

    public string? Name { get; set; }

    public string? NameSource { get; set; }

    /// <summary>The item row of <paramref name="item"/>.</summary>
    public static WorklistEntity ItemRow(WorklistItem item, DerivedSeal evidence) => From(item, WorklistRows.ItemPartition(item.Id), item.Id, evidence);

    /// <summary>The index rows of <paramref name="item"/>: its owner's and one per street.</summary>
    public static IReadOnlyList<WorklistEntity> IndexRows(WorklistItem item, DerivedSeal evidence)
    {
        var rowKey = WorklistRows.IndexRowKey(item.Status, item.Id);
        return [From(item, WorklistRows.Department(item.Owner), rowKey, evidence), .. item.Streets.Select(s => From(item, WorklistRows.Street(s), rowKey, evidence))];
    }

    /// <summary>The item this row stands for, its evidence opened (or read in clear, as rows were written before sealing).</summary>
    public WorklistItem ToItem(DerivedSeal evidence) => new()
    {
        Id = Id,
        Rule = Rule,
        Owner = Owner,
        PersonKey = Kernel.PersonKey.Parse(PersonKey),
        Status = WorklistRows.TryParseStatus(Status, out var status) ? status : WorklistStatus.Open,
        Evidence = JsonSerializer.Deserialize<List<CheckEvidence>>(DerivedSeal.IsSealed(Evidence) ? evidence.Open(Evidence, Id) : Evidence, Json) ?? [],
        History = JsonSerializer.Deserialize<List<WorklistHistoryEntry>>(History, Json) ?? [],
        OpenedAt = OpenedAt,
        UpdatedAt = UpdatedAt,
        Residence = Place(ResidenceDivision, ResidenceGrid),
        Registration = Place(RegistrationDivision, RegistrationGrid),
        Name = Name,
        NameSource = NameSource,
    };

    /// <summary>The evidence as stored, to tell whether it changed.</summary>
    public static string EvidenceJson(IReadOnlyList<CheckEvidence> evidence) => JsonSerializer.Serialize(evidence, Json);

    private static WorklistEntity From(WorklistItem item, string partitionKey, string rowKey, DerivedSeal evidence) => new()
    {
        PartitionKey = partitionKey,
        RowKey = rowKey,
        Id = item.Id,
        Rule = item.Rule,
        Owner = item.Owner,
        PersonKey = item.PersonKey.Value,
        Status = WorklistRows.StatusName(item.Status),
        Evidence = evidence.Seal(EvidenceJson(item.Evidence), item.Id),
        History = JsonSerializer.Serialize(item.History, Json),
        OpenedAt = item.OpenedAt,
        UpdatedAt = item.UpdatedAt,
        ResidenceDivision = item.Residence?.Division.Value,
        ResidenceGrid = item.Residence?.Grid?.Value,
        RegistrationDivision = item.Registration?.Division.Value,
        RegistrationGrid = item.Registration?.Grid?.Value,
        Name = item.Name,
        NameSource = item.NameSource,
    };

    private static DivisionPlace? Place(string? division, string? grid) =>
        DivisionCode.TryParse(division, out var code, out _)
            ? new DivisionPlace(code.Value, GridCode.TryParse(grid, out var g) ? g : null)
            : null;
}
