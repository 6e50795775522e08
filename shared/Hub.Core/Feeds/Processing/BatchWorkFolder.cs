namespace Hub.Core.Feeds.Processing;

/// <summary>
/// A batch's temporary folder for spill files. It holds personal data for the minutes a batch takes, and is
/// deleted when the batch is done, whatever the outcome.
/// </summary>
internal sealed class BatchWorkFolder : IDisposable
{
    private readonly long? _budgetBytes;
    private long _chargedBytes;

    private BatchWorkFolder(string path, long? budgetBytes) => (Path, _budgetBytes) = (path, budgetBytes);

    public string Path { get; }

    /// <summary>Creates the folder; <paramref name="budgetBytes"/> caps what the batch may write to it (no cap when null).</summary>
    public static BatchWorkFolder Create(string? root, string batchId, long? budgetBytes = null)
    {
        var path = System.IO.Path.Combine(root is { Length: > 0 } ? root : System.IO.Path.GetTempPath(), "hub-batches", $"{batchId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return new BatchWorkFolder(path, budgetBytes);
    }

    /// <summary>
    /// Counts <paramref name="bytes"/> about to be written against the budget. An instance's temporary disk is small
    /// (0.8 GB on Flex Consumption) and shared by the batches it runs at once; a batch that would fill it fails with a
    /// reason instead of failing every batch on the instance with a full disk.
    /// </summary>
    public void Charge(long bytes)
    {
        _chargedBytes += bytes;
        if (_budgetBytes is { } budget && _chargedBytes > budget)
        {
            throw new SpillBudgetExceededException(budget);
        }
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a cancelled reader; the folder is under the temp root and is cleaned by the OS.
        }
    }
}
