namespace Hub.Cli.Drafting;

/// <summary>What a draft does with a column or a field.</summary>
internal enum DraftOutcome
{
    /// <summary>A field of the draft: the Hub stores the value.</summary>
    Mapped = 1,

    /// <summary>A field written commented out: the draft is not sure of the attribute, so the operator decides.</summary>
    Suggested,

    /// <summary>Not mapped: the Hub would not store its values; the draft says why.</summary>
    Ignored,
}
