using Microsoft.AspNetCore.Mvc;

namespace Hub.Functions.Audit;

/// <summary>What <c>GET /api/audit/persons/{personKey}/accesses</c> asks beside the person: the range and the format.</summary>
internal sealed class AuditPersonAccessesQuery
{
    /// <summary>The earliest time (ISO 8601); by default the retention period before <see cref="To"/>.</summary>
    [FromQuery(Name = "from")]
    public DateTimeOffset? From { get; init; }

    /// <summary>The latest time (ISO 8601); by default now.</summary>
    [FromQuery(Name = "to")]
    public DateTimeOffset? To { get; init; }

    /// <summary>json (the default) or csv.</summary>
    [FromQuery(Name = "format")]
    public string? Format { get; init; }
}
