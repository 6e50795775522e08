using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hub.Core.Feeds.Reading;
using Hub.Core.Identity;
using Hub.Core.Sources;

namespace Hub.Core.Feeds.Normalisation;

/// <summary>
/// Checks a feed's rows in file order exactly as the Hub does when it reads a batch: the header row against the
/// mapping (CSV and XLSX, whose first row names every column), each row through the <see cref="RecordNormaliser"/>,
/// and no second record for the same person and record key. A dry run that uses it gives the Hub's answers.
/// </summary>
public sealed class FeedRecordValidator
{
    private readonly SourceMapping _mapping;
    private readonly FeedFormat _format;
    private readonly PersonKeyHasher _hasher;
    private readonly RecordNormaliser _normaliser;
    private readonly Dictionary<UInt128, long> _seen = [];
    private bool _headerChecked;

    /// <summary>Prepares a validator for one feed file of <paramref name="mapping"/>'s source.</summary>
    /// <param name="mapping">The source's mapping.</param>
    /// <param name="format">The file's format.</param>
    /// <param name="hasher">Keys records, to find a second record of one person.</param>
    /// <param name="feedDate">
    /// The day the feed was received, in China Standard Time (<see cref="ChinaStandardTime.DateOf"/>): an ID number
    /// born after it is not usable. The Hub passes its batch's receipt; a dry run passes today.
    /// </param>
    public FeedRecordValidator(SourceMapping mapping, FeedFormat format, PersonKeyHasher hasher, DateOnly feedDate)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(hasher);
        _mapping = mapping;
        _format = format;
        _hasher = hasher;
        _normaliser = new RecordNormaliser(mapping, feedDate);
    }

    /// <summary>Columns of the header row that the mapping does not know; their values are not stored.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; private set; } = [];

    /// <summary>
    /// Checks the next row. The first row of a CSV or XLSX file also checks the header: a missing required column
    /// throws <see cref="FeedFormatException"/>, because no row of such a file can be accepted.
    /// </summary>
    public bool TryAccept(FeedRow row, [NotNullWhen(true)] out NormalisedRecord? record, [NotNullWhen(true)] out PersonKey? personKey, out IReadOnlyList<Rejection> rejections)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!_headerChecked)
        {
            _headerChecked = true;
            if (_format is FeedFormat.Csv or FeedFormat.Xlsx)
            {
                IgnoredColumns = CheckHeader(row.Values.Keys);
            }
        }

        personKey = null;
        if (!_normaliser.TryNormalise(row, out record, out rejections))
        {
            return false;
        }

        var key = record!.ResidentId is { } id ? _hasher.Hash(id) : _hasher.HashUnidentified(_mapping, record);
        if (_seen.TryGetValue(Identity(key, record.Discriminator), out var firstRow))
        {
            record = null;
            rejections = [new Rejection(row.Number, _mapping.ResidentIdField.Column, string.Create(CultureInfo.InvariantCulture, $"the same record is already at row {firstRow}; a feed holds one record per person (and record key)"))];
            return false;
        }

        _seen.Add(Identity(key, record.Discriminator), row.Number);
        personKey = key;
        return true;
    }

    private List<string> CheckHeader(IEnumerable<string> headers)
    {
        var missing = _normaliser.MissingRequiredColumns(headers);
        if (missing.Count > 0)
        {
            throw new FeedFormatException(1, $"the header row lacks required columns of source '{_mapping.Id}': {string.Join(", ", missing)}");
        }

        var known = _mapping.Fields.SelectMany(f => f.Headers.Append(f.Attribute)).Select(RecordNormaliser.NormaliseHeader).ToHashSet(StringComparer.Ordinal);
        return headers.Where(h => !known.Contains(RecordNormaliser.NormaliseHeader(h))).ToList();
    }

    private static UInt128 Identity(PersonKey personKey, string discriminator)
    {
        // 128 bits identify a record without keeping its key string: a million-row feed costs megabytes, not hundreds.
        Span<byte> hash = stackalloc byte[32];
        if (discriminator.Length == 0)
        {
            Convert.FromHexString(personKey.Value, hash, out _, out _);
        }
        else
        {
            SHA256.HashData(Encoding.UTF8.GetBytes(personKey.Value + "|" + discriminator), hash);
        }

        return new UInt128(BitConverter.ToUInt64(hash[..8]), BitConverter.ToUInt64(hash[8..16]));
    }
}
