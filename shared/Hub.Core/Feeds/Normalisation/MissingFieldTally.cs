using System.Globalization;

namespace Hub.Core.Feeds.Normalisation;

/// <summary>
/// Counts, per required field that rows lacked, the keys the mapping does not know that those rows carried with a
/// value, so a batch report can say "身份证号 was missing while 证件号码 was there".
/// </summary>
internal sealed class MissingFieldTally
{
    private const int MaxKeysPerField = FeedLimits.MaxIgnoredColumnsListed;
    private const int MaxKeysShown = 10;

    private readonly Dictionary<string, (long Rows, Dictionary<string, long> Keys)> _fields = new(StringComparer.Ordinal);

    public void Add(IEnumerable<string> missingFields, IReadOnlyList<string> unmappedKeys)
    {
        foreach (var field in missingFields)
        {
            if (!_fields.TryGetValue(field, out var tally))
            {
                tally = (0, new Dictionary<string, long>(StringComparer.Ordinal));
            }

            foreach (var key in unmappedKeys)
            {
                if (tally.Keys.TryGetValue(key, out var count) || tally.Keys.Count < MaxKeysPerField)
                {
                    tally.Keys[key] = count + 1;
                }
            }

            _fields[field] = (tally.Rows + 1, tally.Keys);
        }
    }

    public IReadOnlyList<LikelyCause> Causes() =>
    [
        .. _fields.Where(f => f.Value.Keys.Count > 0).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f =>
        {
            var keys = f.Value.Keys.OrderByDescending(k => k.Value).ThenBy(k => k.Key, StringComparer.Ordinal).Take(MaxKeysShown).Select(k => k.Key).ToList();
            var hint = string.Create(CultureInfo.InvariantCulture, $"'{f.Key}' was missing in {f.Value.Rows:N0} row(s) that carried keys the mapping does not know: {string.Join(", ", keys)}; if one of them holds '{f.Key}', add it to that field's aliases in the source's mapping");
            return new LikelyCause(f.Key, f.Value.Rows, keys, hint);
        }),
    ];
}
