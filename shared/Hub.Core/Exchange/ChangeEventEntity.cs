using Hub.Core.Storage;

namespace Hub.Core.Exchange;

/// <summary>
/// A row of the <c>events</c> table as it is read, whichever kind it is: a pack of events
/// (<see cref="ChangeEventPackEntity"/>, which the log writes), or a row of one event written before events were
/// packed (staged under its batch with the event id as row key, or published at its sequence; an erased one left with
/// the type <c>erased</c>), which stays readable until retention drops it.
/// </summary>
internal sealed class ChangeEventEntity : StoredEntity
{
    /// <summary>The type of a one-event row emptied by an erasure.</summary>
    public const string Erased = "erased";

    public string EventId { get; set; } = string.Empty;

    public string Type { get; set; } = string.Empty;

    public string PersonKey { get; set; } = string.Empty;

    public string Source { get; set; } = string.Empty;

    public string BatchId { get; set; } = string.Empty;

    public string EffectiveDate { get; set; } = string.Empty;

    public bool EffectiveDateStated { get; set; }

    public string? Group { get; set; }

    /// <summary>The changed attributes as a JSON array of <see cref="AttributeChange"/>, sealed for the event.</summary>
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

    /// <summary>A published row's (first) sequence.</summary>
    public long? Sequence { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>A pack's events (see <see cref="ChangeEventPackEntity.Events"/>); null for a one-event row.</summary>
    public string? Events { get; set; }

    /// <summary>How many events a pack holds; null for a one-event row.</summary>
    public int? Count { get; set; }

    /// <summary>The person keys a pack's events name; null for a one-event row.</summary>
    public string? Persons { get; set; }

    /// <summary>Whether the row is a pack.</summary>
    public bool IsPack() => Count is not null;

    /// <summary>How many sequences (or staged events) the row holds.</summary>
    public int Size() => Count ?? 1;

    /// <summary>The row's events in order, null where one was erased (or for a one-event row that holds none).</summary>
    public IReadOnlyList<PackedChangeEvent?> Entries() => Events is { } events ? ChangeEventPackEntity.Read(events) : [OneEvent()];

    /// <summary>Whether any of the row's events names one of <paramref name="persons"/>, from its keys alone.</summary>
    public bool Names(IReadOnlySet<string> persons) => IsPack()
        ? (Persons ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(persons.Contains)
        : persons.Contains(PersonKey) || (LinkedKey is { } linked && persons.Contains(linked));

    private PackedChangeEvent? OneEvent() => Type.Length == 0 || Type == Erased ? null : new PackedChangeEvent
    {
        Id = EventId,
        Type = Type,
        PersonKey = PersonKey,
        Source = Source,
        BatchId = BatchId,
        EffectiveDate = EffectiveDate,
        EffectiveDateStated = EffectiveDateStated,
        Group = Group,
        Changes = Changes,
        Groups = Groups,
        ResidenceBefore = ResidenceBefore,
        ResidenceAfter = ResidenceAfter,
        RegistrationBefore = RegistrationBefore,
        RegistrationAfter = RegistrationAfter,
        HouseholdBefore = HouseholdBefore,
        HouseholdAfter = HouseholdAfter,
        Reason = Reason,
        LinkedKey = LinkedKey,
    };
}
