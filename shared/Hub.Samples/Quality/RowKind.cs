namespace Hub.Samples.Quality;

/// <summary>How the Hub reads one row.</summary>
internal enum RowKind
{
    /// <summary>A valid ID: linked by its person key.</summary>
    Keyed = 1,

    /// <summary>No usable ID, but enough to match on.</summary>
    ForMatching,

    /// <summary>Rejected.</summary>
    Rejected,

    /// <summary>Refused as a repeat of an earlier row of the same feed: the same person key and record key.</summary>
    Repeated,
}
