namespace Hub.Core;

/// <summary>How much a finding about the Hub's files matters.</summary>
public enum FindingSeverity
{
    /// <summary>The files contradict themselves or cannot be read: the Hub does not start.</summary>
    Error = 1,

    /// <summary>The files do not yet fit together (a rule names an attribute no mapping provides): the Hub starts and says so.</summary>
    Warning,
}
