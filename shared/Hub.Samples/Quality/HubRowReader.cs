using Hub.Core.Feeds;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Sources;
using Hub.Core.Identity.Keys;
using Hub.Core.Identity.Matching;

namespace Hub.Samples.Quality;

/// <summary>
/// Reads a sample row as the Hub does: a row with a valid ID is keyed by it; a row whose only problem is its ID is
/// kept for matching when it has a name and a birth date or a division (whatever the mapping says, since matching is
/// what is measured); anything else is rejected.
/// </summary>
internal sealed class HubRowReader
{
    private readonly RecordNormaliser _normaliser;
    private readonly PersonKeyHasher _hasher;

    /// <param name="mapping">The source's mapping.</param>
    /// <param name="hasher">Keys rows with a valid ID.</param>
    /// <param name="feedDate">The day the feeds stand for: the population's reference date, on or after every birth.</param>
    public HubRowReader(SourceMapping mapping, PersonKeyHasher hasher, DateOnly feedDate)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        _normaliser = new RecordNormaliser(mapping with { MatchWithoutId = true }, feedDate);
        _hasher = hasher;
    }

    public RowReading Read(SampleRow row)
    {
        if (!_normaliser.TryNormalise(new FeedRow(row.Index, row.Values), out var record, out _))
        {
            return RowReading.Rejected;
        }

        if (record!.ResidentId is { } id)
        {
            return new RowReading(RowKind.Keyed, _hasher.Hash(id), MatchRecord.FromAttributes(record.Attributes, null));
        }

        var attributes = record.Attributes;
        var matchRecord = MatchRecord.FromAttributes(attributes, residentIdText: null);
        return matchRecord.CanBeMatched ? new RowReading(RowKind.ForMatching, null, matchRecord) : RowReading.Rejected;
    }
}
