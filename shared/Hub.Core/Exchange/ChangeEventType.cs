namespace Hub.Core.Exchange;

/// <summary>
/// What kind of change an event reports, as its CloudEvents type (<c>hub.person.deceased</c>). Extensible: the kinds
/// the merge derives are listed, and <see cref="TryParse"/> accepts only those.
/// </summary>
public readonly record struct ChangeEventType
{
    private ChangeEventType(string value) => Value = value;

    /// <summary>The register records the person's death.</summary>
    public static ChangeEventType PersonDeceased { get; } = new("hub.person.deceased");

    /// <summary>The register's status of the person changed otherwise (moved out of the area, active again).</summary>
    public static ChangeEventType PersonStatusChanged { get; } = new("hub.person.status-changed");

    /// <summary>The residence (居住地) moved: into, out of or within a street; both places are on the event.</summary>
    public static ChangeEventType ResidenceMoved { get; } = new("hub.person.residence-moved");

    /// <summary>The household registration (户籍地) moved; both places are on the event.</summary>
    public static ChangeEventType RegistrationMoved { get; } = new("hub.person.registration-moved");

    /// <summary>The person's household changed (household number, relation to the head, or the registered address it follows).</summary>
    public static ChangeEventType HouseholdChanged { get; } = new("hub.person.household-changed");

    /// <summary>A special-group membership became active.</summary>
    public static ChangeEventType MembershipStarted { get; } = new("hub.membership.started");

    /// <summary>A special-group membership stopped being active (its end, a snapshot no longer holding it, or the holder's death).</summary>
    public static ChangeEventType MembershipEnded { get; } = new("hub.membership.ended");

    /// <summary>A disability certificate's category or grade changed.</summary>
    public static ChangeEventType DisabilityChanged { get; } = new("hub.disability.changed");

    /// <summary>A certificate or lease now ends within the configured horizon.</summary>
    public static ChangeEventType MembershipExpiring { get; } = new("hub.membership.expiring");

    /// <summary>Records kept without an ID number, or a provisional person, were linked to a person.</summary>
    public static ChangeEventType IdentitiesMerged { get; } = new("hub.identity.merged");

    /// <summary>Every kind the Hub derives, in a stable order.</summary>
    public static IReadOnlyList<ChangeEventType> All { get; } =
        [PersonDeceased, PersonStatusChanged, ResidenceMoved, RegistrationMoved, HouseholdChanged, MembershipStarted, MembershipEnded, DisabilityChanged, MembershipExpiring, IdentitiesMerged];

    /// <summary>The CloudEvents type.</summary>
    public string Value { get; }

    /// <summary>Accepts one of <see cref="All"/>.</summary>
    public static bool TryParse(string? text, out ChangeEventType type)
    {
        foreach (var known in All)
        {
            if (string.Equals(known.Value, text, StringComparison.Ordinal))
            {
                type = known;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
