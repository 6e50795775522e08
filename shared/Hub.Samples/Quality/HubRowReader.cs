using Hub.Core.Feeds;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Sources;
using Hub.Core.Identity.Keys;
using Hub.Core.Identity.Matching;
using Hub.Core.Kernel;

namespace Hub.Samples.Quality;

/// <summary>
/// Reads the rows of one feed as the Hub does: a row with a valid ID is keyed by it; a row whose only problem is its ID
/// is kept for matching when it has a name and a birth date or a division (whatever the mapping says, since matching
/// is what is measured); a row that repeats an earlier one of the feed (same person key and record key) is refused,
/// as the Hub refuses it; anything else is rejected.
/// </summary>
internal sealed class HubRowReader
{
    private readonly RecordNormaliser _normaliser;
    private readonly PersonKeyHasher _hasher;
    private readonly SourceMapping _mapping;
    private readonly HashSet<(PersonKey Person, string Discriminator)> _seen = [];

    /// <param name="mapping">The source's mapping.</param>
    /// <param name="hasher">Keys rows with a valid ID.</param>
    /// <param name="feedDate">The day the feeds stand for: the population's reference date, on or after every birth.</param>
    public HubRowReader(SourceMapping mapping, PersonKeyHasher hasher, DateOnly feedDate)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        _mapping = mapping with { MatchWithoutId = true };
        _normaliser = new RecordNormaliser(_mapping, feedDate);
        _hasher = hasher;
    }

    public RowReading Read(SampleRow row)
    {
        if (!_normaliser.TryNormalise(new FeedRow(row.Index, row.Values), out var record, out _))
        {
            return RowReading.Rejected;
        }

        var key = record!.ResidentId is { } id ? _hasher.Hash(id) : UnidentifiedIdentity.KeyOf(_hasher, _mapping, record);
        if (!_seen.Add((key, record.Discriminator)))
        {
            return RowReading.Repeated;
        }

        if (record.ResidentId is not null)
        {
            return new RowReading(RowKind.Keyed, key, MatchRecord.FromAttributes(record.Attributes, null));
        }

        var matchRecord = MatchRecord.FromAttributes(record.Attributes, residentIdText: null);
        return matchRecord.CanBeMatched ? new RowReading(RowKind.ForMatching, null, matchRecord) : RowReading.Rejected;
    }
}
