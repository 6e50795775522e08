using System.Globalization;
using Hub.Core.Kernel;

namespace Hub.Core.Audit;

/// <summary>
/// The events about one person stored under several keys (<see cref="AuditQuery.PersonKeys"/>: the key before a pepper
/// rotation, then the current one), key by key in the order given. An event naming more than one of the keys is listed
/// under the first, and skipped under the later ones, so it is listed once without any state carried between pages.
/// </summary>
/// <remarks>
/// The first key's pages carry the person search's own tokens; a later key's are <c>k{index}|{its token}</c>, the
/// token empty for its first page.
/// </remarks>
internal sealed class AuditPersonKeysSearch(AuditPersonSearch persons)
{
    private const string KeyPrefix = "k";
    private const char Separator = '|';

    public async Task<AuditPage> SearchAsync(AuditQuery query, IReadOnlyList<PersonKey> keys, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var (index, token) = Parse(continuationToken, keys.Count);
        var events = new List<AuditRecord>();
        while (index < keys.Count)
        {
            var earlier = keys.Take(index).ToHashSet();
            var page = await persons.SearchAsync(query with { PersonKey = keys[index], PersonKeys = null }, token, pageSize - events.Count, cancellationToken).ConfigureAwait(false);
            events.AddRange(page.Events.Where(e => !e.Event.PersonKeys.Any(earlier.Contains)));
            if (page.ContinuationToken is { } next)
            {
                return new AuditPage(events, Format(index, next));
            }

            (index, token) = (index + 1, null);
            if (events.Count == pageSize)
            {
                break;
            }
        }

        return new AuditPage(events, index < keys.Count ? Format(index, string.Empty) : null);
    }

    private static string Format(int index, string token) =>
        index == 0 ? token : string.Concat(KeyPrefix, index.ToString(CultureInfo.InvariantCulture), Separator.ToString(), token);

    private static (int Index, string? Token) Parse(string? token, int keys)
    {
        if (token is null || !token.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return (0, token);
        }

        var separator = token.IndexOf(Separator, StringComparison.Ordinal);
        return separator > 1
            && int.TryParse(token.AsSpan(1, separator - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index > 0 && index < keys
            ? (index, separator == token.Length - 1 ? null : token[(separator + 1)..])
            : throw new ArgumentException("The continuation token is not one this search gave.", nameof(token));
    }
}
