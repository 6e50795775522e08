namespace Hub.Core.Feeds.Sources;

/// <summary>What a division code the division registry does not hold, or holds as retired, does to its record.</summary>
public enum UnknownDivisionPolicy
{
    /// <summary>The code is kept and the row report warns (the default): a registry that lags behind costs no record.</summary>
    Warn = 1,

    /// <summary>The record is rejected with the reason.</summary>
    Reject,
}
