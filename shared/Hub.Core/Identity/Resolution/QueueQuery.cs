using Hub.Core.Kernel;

namespace Hub.Core.Identity.Resolution;

/// <summary>What a steward asks of the possible-match queue: the filters, the order and the page.</summary>
public sealed record QueueQuery
{
    /// <summary>Only items whose record this source sent.</summary>
    public SourceId? Source { get; init; }

    /// <summary>Only items the matcher scored at least this (inclusive), when it queued them.</summary>
    public double? MinScore { get; init; }

    /// <summary>Only items the matcher scored at most this (inclusive), when it queued them.</summary>
    public double? MaxScore { get; init; }

    /// <summary>Only items queued at or after this time.</summary>
    public DateTimeOffset? QueuedAfter { get; init; }

    /// <summary>Only items queued before this time.</summary>
    public DateTimeOffset? QueuedBefore { get; init; }

    /// <summary>The order.</summary>
    public QueueSort Sort { get; init; } = QueueSort.Age;

    /// <summary>The most items a page holds.</summary>
    public int PageSize { get; init; } = 20;

    /// <summary>Where the previous page stopped; null for the first page.</summary>
    public QueuePosition? After { get; init; }

    /// <summary>
    /// The most persons (records and candidates) a page may name; a page that would name more ends early, and the next
    /// page goes on from there. A page always holds at least one item.
    /// </summary>
    public int MaxPersons { get; init; } = int.MaxValue;
}
