using Hub.Core.Kernel;

namespace Hub.Core.Audit;

/// <summary>What an auditor searches for: a time range and any of the filters; all given filters must hold.</summary>
public sealed record AuditQuery
{
    /// <summary>The earliest time (inclusive).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>The latest time (exclusive).</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>Only events of this user.</summary>
    public string? UserId { get; init; }

    /// <summary>
    /// Only events that touched this person ("who looked at this person"); served by the person index up to its
    /// cursor and by the chain after it.
    /// </summary>
    public PersonKey? PersonKey { get; init; }

    /// <summary>
    /// Every key the person of <see cref="PersonKey"/> has been stored under, oldest first (the key before a pepper
    /// rotation, then the current one): the events about any of them are found, key by key in this order, each once.
    /// Null, or a single key, searches <see cref="PersonKey"/> alone.
    /// </summary>
    public IReadOnlyList<PersonKey>? PersonKeys { get; init; }

    /// <summary>Only events of users whose division code starts with this prefix (e.g. a district's 6 digits).</summary>
    public string? DivisionPrefix { get; init; }

    /// <summary>Only events of one of these actions; null or empty for any action.</summary>
    public IReadOnlyList<AuditAction>? Actions { get; init; }

    /// <summary>Only events with exactly this declared purpose.</summary>
    public string? Purpose { get; init; }

    /// <summary>Only events with this outcome.</summary>
    public AuditOutcome? Outcome { get; init; }

    /// <summary>Only break-glass events (true) or only ordinary ones (false).</summary>
    public bool? BreakGlass { get; init; }

    /// <summary>
    /// The table filter of <paramref name="scope"/> and the filters the audit table and the person index share:
    /// an event row and its person-index rows carry the same columns. Every value is quoted and escaped by
    /// <see cref="Storage.TableFilter.Of(FormattableString)"/>, so no search text can change the query.
    /// </summary>
    internal string TableFilter(string scope) => string.Join(" and ", TableFilters().Prepend(scope).Select(f => $"({f})"));

    /// <summary>Whether <paramref name="record"/> passes every filter, the person key included: the filters of <see cref="TableFilter"/>, in memory.</summary>
    internal bool Matches(AuditRecord record)
    {
        var e = record.Event;
        return record.Time >= From && record.Time < To
            && (PersonKey is not { } person || e.PersonKeys.Contains(person))
            && (UserId is null || e.Actor.UserId == UserId)
            && (DivisionPrefix is not { Length: > 0 } prefix || (e.Actor.Division?.StartsWith(prefix, StringComparison.Ordinal) ?? false))
            && (Actions is not { Count: > 0 } actions || actions.Contains(e.Action))
            && (Purpose is null || e.Purpose == Purpose)
            && (Outcome is not { } outcome || e.Outcome == outcome)
            && (BreakGlass is not { } breakGlass || e.IsBreakGlass == breakGlass);
    }

    private IEnumerable<string> TableFilters()
    {
        yield return Storage.TableFilter.Of($"Time ge {From} and Time lt {To}");
        if (UserId is { } user)
        {
            yield return Storage.TableFilter.Of($"UserId eq {user}");
        }

        if (DivisionPrefix is { Length: > 0 } prefix)
        {
            var end = prefix[..^1] + (char)(prefix[^1] + 1);
            yield return Storage.TableFilter.Of($"Division ge {prefix} and Division lt {end}");
        }

        if (Actions is { Count: > 0 } actions)
        {
            yield return string.Join(" or ", actions.Select(a => Storage.TableFilter.Of($"Action eq {a.Value}")));
        }

        if (Purpose is { } purpose)
        {
            yield return Storage.TableFilter.Of($"Purpose eq {purpose}");
        }

        if (Outcome is { } outcome)
        {
            yield return Storage.TableFilter.Of($"Outcome eq {AuditCanonicalForm.FormatOutcome(outcome)}");
        }

        if (BreakGlass is { } breakGlass)
        {
            yield return Storage.TableFilter.Of($"BreakGlass eq {breakGlass}");
        }
    }
}
