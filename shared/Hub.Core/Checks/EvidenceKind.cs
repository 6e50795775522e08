namespace Hub.Core.Checks;

/// <summary>What a piece of evidence is.</summary>
public enum EvidenceKind
{
    /// <summary>The register's status of the person: a death or a move out, with its date.</summary>
    Status = 1,

    /// <summary>A membership the owner's source states, with its validity.</summary>
    Membership = 2,

    /// <summary>The person's place in a household: the register's relation to the head.</summary>
    Household = 3,

    /// <summary>Another member of the person's household and the membership they hold.</summary>
    HouseholdMember = 4,
}
