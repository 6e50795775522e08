using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hub.Core.Access;
using Hub.Core.Kernel;

namespace Hub.Core.Exchange;

/// <summary>
/// A typed change a batch made to a person, derived in the merge from their facts before and after. Its
/// <see cref="Id"/> is a hash of what changed, so the same change derived again (a batch retried, a group merged
/// again) is the same event.
/// </summary>
public sealed record ChangeEvent
{
    /// <summary>A membership ended on the last day its source states.</summary>
    public const string EndedByValidity = "validity";

    /// <summary>A membership ended because a snapshot of its source no longer holds it.</summary>
    public const string EndedByWithdrawal = "withdrawn";

    /// <summary>A membership is no longer counted because its holder died.</summary>
    public const string EndedByDeath = "deceased";

    /// <summary>The stable id: 32 hex digits of a hash of the person, the type, the change's content and its stated date.</summary>
    public required string Id { get; init; }

    /// <summary>What kind of change.</summary>
    public required ChangeEventType Type { get; init; }

    /// <summary>The person (the golden person their records belong to).</summary>
    public required PersonKey PersonKey { get; init; }

    /// <summary>The source whose batch made the change.</summary>
    public required string Source { get; init; }

    /// <summary>The batch that made the change.</summary>
    public required string BatchId { get; init; }

    /// <summary>The day the change takes effect: the date the source states, else the day the batch reported it.</summary>
    public required DateOnly EffectiveDate { get; init; }

    /// <summary>True when <see cref="EffectiveDate"/> is a date the source stated (a death date, a validity date).</summary>
    public bool EffectiveDateStated { get; init; }

    /// <summary>The group of a membership event; null for the others.</summary>
    public GroupId? Group { get; init; }

    /// <summary>The attributes the change touched, before and after.</summary>
    public IReadOnlyList<AttributeChange> Changes { get; init; } = [];

    /// <summary>The groups the person belonged to before or after the change: what a subscription to groups is matched on.</summary>
    public IReadOnlyList<GroupId> Groups { get; init; } = [];

    /// <summary>The residence before the change; the same as after unless the residence moved.</summary>
    public DivisionPlace? ResidenceBefore { get; init; }

    /// <summary>The residence after the change.</summary>
    public DivisionPlace? ResidenceAfter { get; init; }

    /// <summary>The registration before the change; the same as after unless the registration moved.</summary>
    public DivisionPlace? RegistrationBefore { get; init; }

    /// <summary>The registration after the change.</summary>
    public DivisionPlace? RegistrationAfter { get; init; }

    /// <summary>The household key before a household change (a keyed hash, no personal value).</summary>
    public string? HouseholdBefore { get; init; }

    /// <summary>The household key after a household change.</summary>
    public string? HouseholdAfter { get; init; }

    /// <summary>The key linked into <see cref="PersonKey"/> by an identities-merged event (a keyed hash, no personal value).</summary>
    public string? LinkedKey { get; init; }

    /// <summary>Why a membership ended: <see cref="EndedByValidity"/>, <see cref="EndedByWithdrawal"/> or <see cref="EndedByDeath"/>; null for other events.</summary>
    public string? Reason { get; init; }

    /// <summary>Its position in the change feed once published; null while staged.</summary>
    public long? Sequence { get; init; }

    /// <summary>When its batch completed and published it; null while staged.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Every place the event names: a subscriber whose jurisdiction covers any of them is told.</summary>
    public IEnumerable<DivisionPlace> Places() =>
        new[] { ResidenceBefore, ResidenceAfter, RegistrationBefore, RegistrationAfter }.OfType<DivisionPlace>().Distinct();

    /// <summary>
    /// The stable id of a change: a hash of the person, the type, the group, every changed attribute with its values
    /// before and after, and the stated date (null when the source states none, so replaying the same feeds on
    /// another day derives the same id). The source and batch are left out: a retried batch makes the same change.
    /// </summary>
    public static string StableId(PersonKey person, ChangeEventType type, GroupId? group, IEnumerable<AttributeChange> changes, DateOnly? statedDate)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var text = new StringBuilder()
            .Append(person.Value).Append('\n')
            .Append(type.Value).Append('\n')
            .Append(group?.Value).Append('\n')
            .Append(statedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        foreach (var change in changes.OrderBy(c => c.Attribute, StringComparer.Ordinal))
        {
            // Lengths before values: no two different changes write the same text.
            text.Append(change.Attribute).Append('\u001f')
                .Append(change.Before?.Length ?? -1).Append(':').Append(change.Before).Append('\u001f')
                .Append(change.After?.Length ?? -1).Append(':').Append(change.After).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 16));
    }

    /// <summary>Names the type and id, nothing personal.</summary>
    public override string ToString() => $"{Type} {Id}";
}
