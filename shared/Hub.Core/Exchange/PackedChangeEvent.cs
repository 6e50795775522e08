using System.Globalization;
using System.Text.Json;
using Hub.Core.Access;
using Hub.Core.Kernel;
using Hub.Core.Protection;
using Hub.Core.Storage;

namespace Hub.Core.Exchange;

/// <summary>
/// A change event as a pack of the <c>events</c> table holds it (see <see cref="ChangeEventPackEntity"/>): the event's
/// columns, with <see cref="Changes"/> sealed for the event's id (<see cref="DerivedSeal"/>), so a pack is copied from
/// staging into the feed as it is, never opened on the way. Its sequence and publication time are the row's.
/// </summary>
internal sealed record PackedChangeEvent
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public required string PersonKey { get; init; }

    public required string Source { get; init; }

    public required string BatchId { get; init; }

    public required string EffectiveDate { get; init; }

    public bool EffectiveDateStated { get; init; }

    public string? Group { get; init; }

    /// <summary>The changed attributes as a JSON array of <see cref="AttributeChange"/>, sealed for the event.</summary>
    public required string Changes { get; init; }

    /// <summary>Group ids, comma-separated.</summary>
    public string? Groups { get; init; }

    /// <summary>Places as <c>division|grid</c>.</summary>
    public string? ResidenceBefore { get; init; }

    public string? ResidenceAfter { get; init; }

    public string? RegistrationBefore { get; init; }

    public string? RegistrationAfter { get; init; }

    public string? HouseholdBefore { get; init; }

    public string? HouseholdAfter { get; init; }

    public string? Reason { get; init; }

    public string? LinkedKey { get; init; }

    /// <summary>The persons the event names: whose erasure takes it away.</summary>
    public IEnumerable<string> Persons() => LinkedKey is { } linked ? [PersonKey, linked] : [PersonKey];

    /// <summary><paramref name="change"/> packed, its values sealed for its id.</summary>
    public static PackedChangeEvent Of(ChangeEvent change, DerivedSeal values)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(values);
        return new PackedChangeEvent
        {
            Id = change.Id,
            Type = change.Type.Value,
            PersonKey = change.PersonKey.Value,
            Source = change.Source,
            BatchId = change.BatchId,
            EffectiveDate = change.EffectiveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            EffectiveDateStated = change.EffectiveDateStated,
            Group = change.Group?.Value,
            Changes = values.Seal(JsonSerializer.Serialize(change.Changes, StorageJson.Options), change.Id),
            Groups = change.Groups.Count == 0 ? null : string.Join(',', change.Groups.Select(g => g.Value)),
            ResidenceBefore = Format(change.ResidenceBefore),
            ResidenceAfter = Format(change.ResidenceAfter),
            RegistrationBefore = Format(change.RegistrationBefore),
            RegistrationAfter = Format(change.RegistrationAfter),
            HouseholdBefore = change.HouseholdBefore,
            HouseholdAfter = change.HouseholdAfter,
            Reason = change.Reason,
            LinkedKey = change.LinkedKey,
        };
    }

    /// <summary>The event, published at <paramref name="sequence"/> and <paramref name="publishedAt"/> (null while staged); null when it cannot be read.</summary>
    public ChangeEvent? ToEvent(DerivedSeal values, long? sequence, DateTimeOffset? publishedAt)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!ChangeEventType.TryParse(Type, out var type) || !Kernel.PersonKey.TryParse(PersonKey, out var person)
            || !DateOnly.TryParseExact(EffectiveDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var effective))
        {
            return null;
        }

        return new ChangeEvent
        {
            Id = Id,
            Type = type,
            PersonKey = person,
            Source = Source,
            BatchId = BatchId,
            EffectiveDate = effective,
            EffectiveDateStated = EffectiveDateStated,
            Group = GroupId.TryParse(Group, out var group) ? group : null,
            Changes = JsonSerializer.Deserialize<List<AttributeChange>>(DerivedSeal.IsSealed(Changes) ? values.Open(Changes, Id) : Changes, StorageJson.Options) ?? [],
            Groups = (Groups ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(g => GroupId.TryParse(g, out var id) ? id : null).OfType<GroupId>().ToList(),
            ResidenceBefore = Parse(ResidenceBefore),
            ResidenceAfter = Parse(ResidenceAfter),
            RegistrationBefore = Parse(RegistrationBefore),
            RegistrationAfter = Parse(RegistrationAfter),
            HouseholdBefore = HouseholdBefore,
            HouseholdAfter = HouseholdAfter,
            Reason = Reason,
            LinkedKey = LinkedKey,
            Sequence = sequence,
            PublishedAt = publishedAt,
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
