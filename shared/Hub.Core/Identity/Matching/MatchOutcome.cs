namespace Hub.Core.Identity.Matching;

/// <summary>What matching decided about an incoming record, as in HAPI FHIR MDM.</summary>
public enum MatchOutcome
{
    /// <summary>Linked automatically to one person: a high score, no rival and no ID contradiction.</summary>
    Match = 1,

    /// <summary>Queued for a data steward with the ranked candidates.</summary>
    PossibleMatch,

    /// <summary>Nobody close: the record starts a provisional person.</summary>
    NoMatch,
}
