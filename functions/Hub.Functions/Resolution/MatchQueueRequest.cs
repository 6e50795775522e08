using System.Globalization;
using Hub.Core.Identity.Resolution;
using Hub.Core.Kernel;
using Hub.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Functions.Resolution;

/// <summary>The query string of the steward queue (GET /api/resolution/queue); a bad value's problem names its parameter and never echoes it.</summary>
/// <param name="Source">Only records this source sent.</param>
/// <param name="MinScore">Only items scored at least this when queued.</param>
/// <param name="MaxScore">Only items scored at most this when queued.</param>
/// <param name="QueuedAfter">Only items queued at or after this time (ISO 8601).</param>
/// <param name="QueuedBefore">Only items queued before this time (ISO 8601).</param>
/// <param name="Sort"><c>age</c> (oldest first, the default) or <c>score</c> (highest first).</param>
/// <param name="PageSize">Items per page, 1 to <see cref="MaxPageSize"/>.</param>
/// <param name="Continuation">The token the previous page gave.</param>
internal sealed record MatchQueueRequest(
    [FromQuery(Name = "source")] string? Source,
    [FromQuery(Name = "minScore")] double? MinScore,
    [FromQuery(Name = "maxScore")] double? MaxScore,
    [FromQuery(Name = "queuedAfter")] DateTimeOffset? QueuedAfter,
    [FromQuery(Name = "queuedBefore")] DateTimeOffset? QueuedBefore,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "pageSize")] int? PageSize,
    [FromQuery(Name = "continuation")] string? Continuation)
{
    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 100;

    /// <summary>The query these values ask for, or the problem that stops it.</summary>
    public ProblemHttpResult? TryBuild(out QueueQuery query)
    {
        query = null!;
        SourceId? source = null;
        if (Source is not null && !SourceId.TryParse(Source, out source))
        {
            return Bad("'source' is a source id such as civil-affairs.");
        }

        if ((MinScore is { } min && !double.IsFinite(min)) || (MaxScore is { } max && !double.IsFinite(max)))
        {
            return Bad("'minScore' and 'maxScore' are numbers.");
        }

        if (MinScore > MaxScore)
        {
            return Bad("'minScore' must not be above 'maxScore'.");
        }

        if (QueuedAfter >= QueuedBefore)
        {
            return Bad("'queuedAfter' must be before 'queuedBefore'.");
        }

        QueueSort? sort = Sort switch
        {
            null or "age" => QueueSort.Age,
            "score" => QueueSort.Score,
            _ => null,
        };
        if (sort is null)
        {
            return Bad("'sort' is age (oldest first) or score (highest first).");
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            return Bad($"'pageSize' is 1 to {MaxPageSize}.");
        }

        query = new QueueQuery
        {
            Source = source,
            MinScore = MinScore,
            MaxScore = MaxScore,
            QueuedAfter = QueuedAfter,
            QueuedBefore = QueuedBefore,
            Sort = sort.Value,
            PageSize = PageSize ?? DefaultPageSize,
        };
        return null;
    }

    /// <summary>What a continuation token is bound to: the filters and the order, as read (not as spelled), but not the page size.</summary>
    public static string Binding(QueueQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return string.Create(CultureInfo.InvariantCulture, $"queue|{query.Source?.Value}|{query.MinScore:R}|{query.MaxScore:R}|{query.QueuedAfter?.UtcTicks}|{query.QueuedBefore?.UtcTicks}|{query.Sort}");
    }

    /// <summary>A bad query's problem.</summary>
    public static ProblemHttpResult Bad(string detail) => HubProblems.BadRequest("Invalid queue query", detail);
}
