namespace Hub.Core.Feeds.Batches;

/// <summary>The per-row account of a batch.</summary>
public sealed record BatchCounts
{
    /// <summary>Rows read from the feed.</summary>
    public long Received { get; init; }

    /// <summary>Records stored as new facts.</summary>
    public long Inserted { get; init; }

    /// <summary>Records that changed an existing fact.</summary>
    public long Updated { get; init; }

    /// <summary>Records identical to the stored fact.</summary>
    public long Unchanged { get; init; }

    /// <summary>Rows not accepted; the rejection report says why.</summary>
    public long Rejected { get; init; }

    /// <summary>Facts end-dated because a snapshot no longer contained them.</summary>
    public long EndDated { get; init; }

    /// <summary>
    /// Accepted records without a usable ID number, kept to be matched by their other fields (they are also counted
    /// as inserted, updated or unchanged); the rejects report lists each with its ID problem.
    /// </summary>
    public long Unidentified { get; init; }

    /// <summary>Adds two partial accounts.</summary>
    public static BatchCounts operator +(BatchCounts left, BatchCounts right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new BatchCounts
        {
            Received = left.Received + right.Received,
            Inserted = left.Inserted + right.Inserted,
            Updated = left.Updated + right.Updated,
            Unchanged = left.Unchanged + right.Unchanged,
            Rejected = left.Rejected + right.Rejected,
            EndDated = left.EndDated + right.EndDated,
            Unidentified = left.Unidentified + right.Unidentified,
        };
    }

    /// <summary>Adds two partial accounts.</summary>
    public static BatchCounts Add(BatchCounts left, BatchCounts right) => left + right;
}
