using System.Globalization;
using System.Text.Json;
using Hub.Core.Access;
using Hub.Core.Kernel;
using Hub.Core.Protection;
using Hub.Core.Storage;

namespace Hub.Core.Exchange;

/// <summary>
/// A change event as the <c>events</c> table holds it: staged under its batch (partition <c>s|{batchId}</c>, row the
/// event id, so a retried batch rewrites the same rows) and, once the batch completes, published in the feed (see
/// <see cref="ChangeEventLog"/>). The changed values sit in <see cref="Changes"/>, as JSON sealed for the event
/// (<see cref="DerivedSeal"/>); they leave storage only rendered by the access policy.
/// </summary>
internal sealed class ChangeEventEntity : StoredEntity
{
    public string EventId { get; set; } = string.Empty;

    public string Type { get; set; } = string.Empty;

    public string PersonKey { get; set; } = string.Empty;

    public string Source { get; set; } = string.Empty;

    public string BatchId { get; set; } = string.Empty;

    public string EffectiveDate { get; set; } = string.Empty;

    public bool EffectiveDateStated { get; set; }

    public string? Group { get; set; }

    /// <summary>The changed attributes as a JSON array of <see cref="AttributeChange"/>.</summary>
    public string Changes { get; set; } = "[]";

    /// <summary>Group ids, comma-separated.</summary>
    public string Groups { get; set; } = string.Empty;

    /// <summary>Places as <c>division|grid</c>.</summary>
    public string? ResidenceBefore { get; set; }

    public string? ResidenceAfter { get; set; }

    public string? RegistrationBefore { get; set; }

    public string? RegistrationAfter { get; set; }

    public string? HouseholdBefore { get; set; }

    public string? HouseholdAfter { get; set; }

    public string? Reason { get; set; }

    public string? LinkedKey { get; set; }

    public long? Sequence { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public static ChangeEventEntity Of(ChangeEvent change, string partitionKey, string rowKey, DerivedSeal values) => new()
    {
        PartitionKey = partitionKey,
        RowKey = rowKey,
        EventId = change.Id,
        Type = change.Type.Value,
        PersonKey = change.PersonKey.Value,
        Source = change.Source,
        BatchId = change.BatchId,
        EffectiveDate = change.EffectiveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        EffectiveDateStated = change.EffectiveDateStated,
        Group = change.Group?.Value,
        Changes = values.Seal(JsonSerializer.Serialize(change.Changes, StorageJson.Options), change.Id),
        Groups = string.Join(',', change.Groups.Select(g => g.Value)),
        ResidenceBefore = Format(change.ResidenceBefore),
        ResidenceAfter = Format(change.ResidenceAfter),
        RegistrationBefore = Format(change.RegistrationBefore),
        RegistrationAfter = Format(change.RegistrationAfter),
        HouseholdBefore = change.HouseholdBefore,
        HouseholdAfter = change.HouseholdAfter,
        Reason = change.Reason,
        LinkedKey = change.LinkedKey,
        Sequence = change.Sequence,
        PublishedAt = change.PublishedAt,
    };

    /// <summary>The event the row holds; null when the row is not one (a marker) or cannot be read.</summary>
    public ChangeEvent? ToEvent(DerivedSeal values)
    {
        if (!ChangeEventType.TryParse(Type, out var type) || !Kernel.PersonKey.TryParse(PersonKey, out var person)
            || !DateOnly.TryParseExact(EffectiveDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var effective))
        {
            return null;
        }

        return new ChangeEvent
        {
            Id = EventId,
            Type = type,
            PersonKey = person,
            Source = Source,
            BatchId = BatchId,
            EffectiveDate = effective,
            EffectiveDateStated = EffectiveDateStated,
            Group = GroupId.TryParse(Group, out var group) ? group : null,
            Changes = JsonSerializer.Deserialize<List<AttributeChange>>(DerivedSeal.IsSealed(Changes) ? values.Open(Changes, EventId) : Changes, StorageJson.Options) ?? [],
            Groups = Groups.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(g => GroupId.TryParse(g, out var id) ? id : null).OfType<GroupId>().ToList(),
            ResidenceBefore = Parse(ResidenceBefore),
            ResidenceAfter = Parse(ResidenceAfter),
            RegistrationBefore = Parse(RegistrationBefore),
            RegistrationAfter = Parse(RegistrationAfter),
            HouseholdBefore = HouseholdBefore,
            HouseholdAfter = HouseholdAfter,
            Reason = Reason,
            LinkedKey = LinkedKey,
            Sequence = Sequence,
            PublishedAt = PublishedAt,
        };
    }

    private static string? Format(DivisionPlace? place) => place is { } p ? $"{p.Division.Value}|{p.Grid?.Value}" : null;

    private static DivisionPlace? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split('|');
        return DivisionCode.TryParse(parts[0], out var division, out _)
            ? new DivisionPlace(division.Value, parts.Length > 1 && GridCode.TryParse(parts[1], out var grid) ? grid : null)
            : null;
    }
}
