namespace Hub.Core.Checks;

/// <summary>What a membership condition asks of a membership its source states.</summary>
public enum MembershipState
{
    /// <summary>The source states it active on a day after the person's status began (and after the grace, if any).</summary>
    StatedActiveAfterStatus = 1,

    /// <summary>
    /// Its validity ended before the evaluation day while the source's register still holds the record (no snapshot
    /// has dropped it), and no other membership of the group is stated active that day: an unrenewed certificate or lease.
    /// </summary>
    Lapsed = 2,

    /// <summary>The source states it active on the evaluation day.</summary>
    StatedActive = 3,
}
