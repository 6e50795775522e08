namespace Hub.Core.Divisions;

/// <summary>How the registry knows a division code on a day.</summary>
public enum DivisionStanding
{
    /// <summary>The registry holds the code and it is in force.</summary>
    InForce = 1,

    /// <summary>The registry holds the code, but not in force that day (retired, or not yet created).</summary>
    Retired,

    /// <summary>The registry does not hold the code.</summary>
    Unknown,
}
