namespace Hub.Core.Feeds;

/// <summary>Tuning of feed processing.</summary>
public sealed class FeedProcessingOptions
{
    /// <summary>Configuration section: <c>Hub:Feeds</c>.</summary>
    public const string SectionName = "Hub:Feeds";

    /// <summary>The largest payload accepted, in bytes (413 above it). Default 512 MiB.</summary>
    public long MaxPayloadBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>How many rejections a batch report lists inline; the CSV report has them all.</summary>
    public int FirstRejectionsShown { get; set; } = 20;

    /// <summary>Fact partitions merged at once.</summary>
    public int MergeConcurrency { get; set; } = 8;

    /// <summary>
    /// Linked persons rebuilt at once after a batch's merge, and the links of provisional persons read at once before
    /// they are matched again. Each person is a short chain of requests, one waiting on the one before, so more persons
    /// in flight keep storage busy where fewer would leave it waiting. Default 32.
    /// </summary>
    public int ResolveConcurrency { get; set; } = 32;

    /// <summary>
    /// A delta's fact partition holding at most this many of its persons is planned from point reads of each person
    /// (their view, data key and the facts the delta names) instead of reading the partition whole. A partition read
    /// costs a request per thousand rows whatever the delta touches, and on the local emulator every page of it filters
    /// the whole table; a point read costs one request and stays flat however large the store. On Azure the persons'
    /// keys are read by queries instead, 14 to a request (<see cref="Storage.HubStorageOptions.KeyReads"/>). Default 32;
    /// 0 reads every partition whole. Snapshots always read their partitions whole, and so does a delta larger than
    /// what its source already holds (mostly new persons, whom a point read would not find).
    /// </summary>
    public int PointReadPersonsPerPartition { get; set; } = 32;

    /// <summary>Folder for a batch's temporary spill files; the system temp folder when empty.</summary>
    public string? WorkFolder { get; set; }

    /// <summary>
    /// The most bytes one batch may write to <see cref="WorkFolder"/> (its spill files, a workbook's copy); a feed
    /// that needs more fails with a reason saying so. No limit when unset. An instance runs a few batches at once
    /// (host.json's queue batch size plus threshold), so the budget times that must fit the instance's temporary disk.
    /// </summary>
    public long? SpillBudgetBytes { get; set; }

    /// <summary>
    /// How long an upload URL (<c>POST /api/feeds/{source}/uploads</c>) lets a department write its file. Default one
    /// hour; at most seven days, the longest a user delegation key lives.
    /// </summary>
    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The share of a source's current records a snapshot may end-date without being held for a person to confirm
    /// (0 holds every snapshot that ends anything, 1 holds only those that read no accepted row). Default 0.1.
    /// </summary>
    public double SnapshotEndDateShare { get; set; } = 0.1;
}
