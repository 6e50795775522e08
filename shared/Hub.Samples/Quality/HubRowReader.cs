using Hub.Core.Feeds;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Identity;
using Hub.Core.Matching;
using Hub.Core.Sources;

namespace Hub.Samples.Quality;

/// <summary>
/// Reads a sample row as the Hub will once it keeps rows without a usable ID for matching: a row with a valid ID
/// is keyed by it; a row whose only problem is its ID goes to matching if it has a name and a birth date or a
/// division; anything else is rejected.
/// </summary>
internal sealed class HubRowReader
{
    // GB 11643's own example number: it stands in for the unusable ID so that the Hub's normaliser reads the rest
    // of the row exactly as it reads any row. It is dropped again before matching.
    private const string StandIn = "11010519491231002X";

    private readonly RecordNormaliser _normaliser;
    private readonly PersonKeyHasher _hasher;
    private readonly string _idColumn;

    public HubRowReader(SourceMapping mapping, PersonKeyHasher hasher)
    {
        _normaliser = new RecordNormaliser(mapping);
        _hasher = hasher;
        _idColumn = mapping.ResidentIdField.Column;
    }

    public RowReading Read(SampleRow row)
    {
        if (_normaliser.TryNormalise(new FeedRow(row.Index, row.Values), out var record, out var rejections))
        {
            return new RowReading(RowKind.Keyed, _hasher.Hash(record!.ResidentId!.Value), MatchRecord.FromAttributes(record.Attributes, null));
        }

        if (rejections.Any(r => r.Field != _idColumn))
        {
            return RowReading.Rejected;
        }

        var values = row.Values.ToDictionary(StringComparer.Ordinal);
        values[_idColumn] = StandIn;
        if (!_normaliser.TryNormalise(new FeedRow(row.Index, values), out var rest, out _))
        {
            return RowReading.Rejected;
        }

        var attributes = rest!.Attributes.Where(a => a.Key != "residentId").ToDictionary(StringComparer.Ordinal);
        var matchRecord = MatchRecord.FromAttributes(attributes, row.Values[_idColumn] ?? string.Empty);
        return matchRecord.CanBeMatched ? new RowReading(RowKind.ForMatching, null, matchRecord) : RowReading.Rejected;
    }
}
