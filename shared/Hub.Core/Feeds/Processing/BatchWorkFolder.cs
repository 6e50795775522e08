namespace Hub.Core.Feeds.Processing;

/// <summary>
/// A batch's temporary folder for spill files. It holds personal data for the minutes a batch takes, and is
/// deleted when the batch is done, whatever the outcome.
/// </summary>
internal sealed class BatchWorkFolder : IDisposable
{
    private BatchWorkFolder(string path) => Path = path;

    public string Path { get; }

    public static BatchWorkFolder Create(string? root, string batchId)
    {
        var path = System.IO.Path.Combine(root is { Length: > 0 } ? root : System.IO.Path.GetTempPath(), "hub-batches", $"{batchId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return new BatchWorkFolder(path);
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
