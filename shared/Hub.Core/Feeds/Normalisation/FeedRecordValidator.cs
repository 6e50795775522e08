using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hub.Core.Divisions;
using Hub.Core.Feeds.Reading;
using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;

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
    private readonly IPersonKeyHasher _hasher;
    private readonly RecordNormaliser _normaliser;
    private readonly Dictionary<UInt128, long> _seen = [];
    private readonly List<string> _ignored = [];
    private readonly MissingFieldTally _missing = new();
    private long _ignoredMore;
    private bool _ignoredUncounted;
    private bool _headerChecked;

    /// <summary>Prepares a validator for one feed file of <paramref name="mapping"/>'s source.</summary>
    /// <param name="mapping">The source's mapping.</param>
    /// <param name="format">The file's format.</param>
    /// <param name="hasher">Keys records, to find a second record of one person.</param>
    /// <param name="feedDate">
    /// The day the feed was received, in China Standard Time (<see cref="ChinaStandardTime.DateOf"/>): an ID number
    /// born after it is not usable. The Hub passes its batch's receipt; a dry run passes today.
    /// </param>
    /// <param name="divisions">The division registry division codes are checked against; null checks only their form.</param>
    public FeedRecordValidator(SourceMapping mapping, FeedFormat format, IPersonKeyHasher hasher, DateOnly feedDate, DivisionRegistry? divisions = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(hasher);
        _mapping = mapping;
        _format = format;
        _hasher = hasher;
        _normaliser = new RecordNormaliser(mapping, feedDate, divisions);
    }

    /// <summary>
    /// Columns of the header row (CSV, XLSX) or keys of the records (JSON, NDJSON) that the mapping does not know; their
    /// values are not stored. At most <see cref="FeedLimits.MaxIgnoredColumnsListed"/> are named, and a last entry counts
    /// the rest.
    /// </summary>
    public IReadOnlyList<string> IgnoredColumns => _ignoredMore == 0 && !_ignoredUncounted
        ? _ignored
        : [.. _ignored, _ignoredUncounted ? "… and more" : string.Create(CultureInfo.InvariantCulture, $"… and {_ignoredMore:N0} more")];

    /// <summary>
    /// Required fields that rows lacked while they carried keys the mapping does not know, with those keys: the likely
    /// cause of a file whose rows are all "required value is missing".
    /// </summary>
    public IReadOnlyList<LikelyCause> LikelyCauses => _missing.Causes();

    /// <summary>
    /// Checks a CSV or XLSX header row, before its rows and even when none follow: a missing required column, or two
    /// columns that feed the same attribute, throw <see cref="FeedFormatException"/>, because no row of such a file can
    /// be read as the department meant. Pass it to <see cref="FeedReader"/> as the header callback.
    /// </summary>
    public void CheckHeader(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _headerChecked = true;
        var columns = headers.Select((header, index) => (Header: header, Number: index + 1, Column: _normaliser.ColumnFor(header))).ToList();
        var unknown = columns.Where(c => c.Column is null && !string.IsNullOrWhiteSpace(c.Header)).Select(c => FeedLimits.ColumnName(c.Header)).ToList();
        var missing = _normaliser.MissingRequiredColumns(headers);
        if (missing.Count > 0)
        {
            // Column names are not personal data; naming the unknown ones shows the likely cause (a renamed column).
            var hint = unknown.Count == 0
                ? string.Empty
                : $"; the header has columns the mapping does not know: {string.Join(", ", unknown.Take(FeedLimits.MaxIgnoredColumnsListed))}{(unknown.Count > FeedLimits.MaxIgnoredColumnsListed ? ", …" : string.Empty)}; if one of them is a missing column under another name, add that name to the field's aliases in the source's mapping";
            throw new FeedFormatException(1, $"the header row lacks required columns of source '{_mapping.Id}': {string.Join(", ", missing)}{hint}");
        }

        var ambiguous = columns.Where(c => c.Column is not null).GroupBy(c => c.Column!, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        if (ambiguous.Count > 0)
        {
            var named = ambiguous.Select(g => string.Join(" and ", g.Select(c => string.Create(CultureInfo.InvariantCulture, $"'{FeedLimits.ColumnName(c.Header)}' (column {c.Number})")))
                + $" feed {g.Key}");
            throw new FeedFormatException(1, $"the header row has more than one column for the same field: {string.Join("; ", named)}; keep one column for each field");
        }

        foreach (var (header, number, _) in columns.Where(c => c.Column is null))
        {
            Ignore(string.IsNullOrWhiteSpace(header) ? string.Create(CultureInfo.InvariantCulture, $"(column {number}, no header)") : header);
        }
    }

    /// <summary>
    /// Checks the next row. For CSV and XLSX whose header was not given to <see cref="CheckHeader"/>, the first row's
    /// columns are checked as the header.
    /// </summary>
    public bool TryAccept(FeedRow row, [NotNullWhen(true)] out NormalisedRecord? record, [NotNullWhen(true)] out PersonKey? personKey, out IReadOnlyList<Rejection> rejections)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (_format is FeedFormat.Csv or FeedFormat.Xlsx)
        {
            if (!_headerChecked)
            {
                CheckHeader([.. row.Values.Keys]);
            }
        }
        else
        {
            foreach (var unknown in row.Values.Keys.Where(k => _normaliser.ColumnFor(k) is null))
            {
                Ignore(unknown);
            }
        }

        personKey = null;
        var accepted = _normaliser.TryNormalise(row, out record, out rejections);
        TallyMissing(row, rejections, record);
        if (!accepted)
        {
            return false;
        }

        var key = record!.ResidentId is { } id ? _hasher.Hash(id) : UnidentifiedIdentity.KeyOf(_hasher, _mapping, record);
        if (_seen.TryGetValue(Identity(key, record.Discriminator), out var firstRow))
        {
            record = null;
            rejections = [new Rejection(row.Number, _mapping.IdField?.Column, string.Create(CultureInfo.InvariantCulture, $"the same record is already at row {firstRow}; a feed holds one record per person (and record key)"))];
            return false;
        }

        _seen.Add(Identity(key, record.Discriminator), row.Number);
        personKey = key;
        return true;
    }

    private void TallyMissing(FeedRow row, IReadOnlyList<Rejection> rejections, NormalisedRecord? record)
    {
        var missing = rejections.Where(r => r.Reason == RecordNormaliser.MissingValue && r.Field is not null).Select(r => r.Field!);
        if (record?.IdProblem is { Reason: RecordNormaliser.MissingValue, Field: { } idField })
        {
            missing = missing.Append(idField);
        }

        var fields = missing.ToList();
        if (fields.Count == 0)
        {
            return;
        }

        var unknown = row.Values.Where(v => !string.IsNullOrWhiteSpace(v.Value) && _normaliser.ColumnFor(v.Key) is null)
            .Select(v => FeedLimits.ColumnName(v.Key))
            .ToList();
        _missing.Add(fields, unknown);
    }

    private void Ignore(string column)
    {
        var name = FeedLimits.ColumnName(column);
        if (_ignored.Contains(name, StringComparer.Ordinal))
        {
            return;
        }

        if (_ignored.Count < FeedLimits.MaxIgnoredColumnsListed)
        {
            _ignored.Add(name);
        }
        else if (_format is FeedFormat.Csv or FeedFormat.Xlsx)
        {
            _ignoredMore++;
        }
        else
        {
            // JSON records may each name other keys; counting them exactly would mean keeping every one.
            _ignoredUncounted = true;
        }
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
