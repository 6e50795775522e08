namespace Hub.Core.Feeds.Sources;

/// <summary>What a field does with a value that fails its pattern, substring, code list or type.</summary>
public enum InvalidValuePolicy
{
    /// <summary>The record is rejected with the reason; the default of a required field.</summary>
    Reject = 1,

    /// <summary>The value is left out, the record is kept, and the row report warns; the default of an optional field.</summary>
    Drop,

    /// <summary>The value is stored as sent (width-normalised and trimmed, not in normal form), and the row report warns.</summary>
    Keep,
}
