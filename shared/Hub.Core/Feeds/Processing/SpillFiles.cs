using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Hub.Core.Kernel;
using Hub.Core.Storage;

namespace Hub.Core.Feeds.Processing;

/// <summary>
/// A batch's spill files, one per merge group, each a JSON line per accepted record: reading writes a record to the
/// group of its fact partition, so merging can take one group at a time and memory stays bounded whatever the
/// feed's size.
/// </summary>
internal sealed class SpillFiles : IAsyncDisposable
{
    private readonly BatchWorkFolder _folder;
    private readonly StreamWriter[] _groups;
    private readonly int _partitionsPerGroup;

    private SpillFiles(BatchWorkFolder folder, StreamWriter[] groups)
    {
        _folder = folder;
        _groups = groups;
        _partitionsPerGroup = PersonKey.PartitionCount / groups.Length;
    }

    /// <summary>Creates (or empties) the spill files of <paramref name="groupCount"/> groups in <paramref name="folder"/>.</summary>
    public static SpillFiles Create(BatchWorkFolder folder, int groupCount) =>
        new(folder, [.. Enumerable.Range(0, groupCount).Select(g => new StreamWriter(folder.File(FileName(g)), append: false, Encoding.UTF8))]);

    /// <summary>Appends <paramref name="record"/> to its group's file, within the folder's disk budget.</summary>
    public Task WriteAsync(SpilledRecord record)
    {
        var line = JsonSerializer.Serialize(record, StorageJson.Options);
        _folder.Charge(Encoding.UTF8.GetByteCount(line) + 1);
        return _groups[record.Partition() / _partitionsPerGroup].WriteLineAsync(line);
    }

    /// <summary>The records spilled to <paramref name="group"/>, in the order they were read.</summary>
    public static async IAsyncEnumerable<SpilledRecord> ReadAsync(BatchWorkFolder folder, int group, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(folder.File(FileName(group)), Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            yield return JsonSerializer.Deserialize<SpilledRecord>(line, StorageJson.Options)
                ?? throw new InvalidDataException($"Spill file of group {group} holds an empty line.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in _groups)
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string FileName(int group) => $"group-{group:D2}.jsonl";
}
