namespace Hub.Core.Identity.Resolution;

/// <summary>
/// What a batch knows of the rows of the persons it rebuilds, so that the rebuild reads them by their keys (point reads)
/// rather than by their ranges, which the local emulator answers by filtering the whole table.
/// </summary>
/// <param name="Facts">
/// The fact rows of the keys the batch linked that hold records without a usable ID, by key: such a key is the hash of
/// the record's source, name, birth date and record key, so it holds that record's row and no other.
/// </param>
/// <param name="Members">The keys the batch linked to each golden person, by golden person: their member rows went with <paramref name="Mark"/>.</param>
/// <param name="OwnChanged">
/// Keys whose facts the batch's merge changed without writing their view's copy of them (golden persons, keys linked
/// elsewhere, keys under a marker): no copy names every fact they now have, so only their range does.
/// </param>
/// <param name="Mark">The mark of the markers the batch put over its golden persons' views with the member rows it wrote.</param>
internal sealed record KnownRows(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Facts,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Members,
    IReadOnlySet<string> OwnChanged,
    string? Mark)
{
    /// <summary>Nothing known: every person is read by their range.</summary>
    public static KnownRows None { get; } = new(
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal),
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal),
        new HashSet<string>(StringComparer.Ordinal),
        Mark: null);
}
