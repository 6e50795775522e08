using Hub.Core.Audit;
using Hub.Core.Kernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Functions.Audit;

/// <summary>The search filters of the query string, shared by the event search and its CSV export.</summary>
internal sealed class AuditSearchParameters
{
    /// <summary>The earliest time (ISO 8601, inclusive); required.</summary>
    [FromQuery(Name = "from")]
    public DateTimeOffset? From { get; init; }

    /// <summary>The latest time (ISO 8601, exclusive); required.</summary>
    [FromQuery(Name = "to")]
    public DateTimeOffset? To { get; init; }

    [FromQuery(Name = "user")]
    public string? User { get; init; }

    [FromQuery(Name = "personKey")]
    public string? PersonKey { get; init; }

    /// <summary>A prefix of the acting users' division codes.</summary>
    [FromQuery(Name = "division")]
    public string? Division { get; init; }

    [FromQuery(Name = "purpose")]
    public string? Purpose { get; init; }

    /// <summary>allowed, denied or failed.</summary>
    [FromQuery(Name = "outcome")]
    public string? Outcome { get; init; }

    [FromQuery(Name = "breakGlass")]
    public bool? BreakGlass { get; init; }

    /// <summary>The query these filters ask for, or the problem that stops it.</summary>
    public ProblemHttpResult? TryBuild(out AuditQuery query)
    {
        query = null!;
        if (From is null || To is null || To < From)
        {
            return AuditApi.BadQuery("'from' and 'to' are required, and 'to' must not be before 'from'.");
        }

        PersonKey? person = null;
        if (PersonKey is not null)
        {
            if (!Hub.Core.Kernel.PersonKey.TryParse(PersonKey, out var key))
            {
                return AuditApi.BadQuery("'personKey' is 32 lower-case hex characters.");
            }

            person = key;
        }

        AuditOutcome? outcome = null;
        if (Outcome is not null)
        {
            if (!Enum.TryParse<AuditOutcome>(Outcome, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(Outcome, out _))
            {
                return AuditApi.BadQuery("'outcome' is allowed, denied or failed.");
            }

            outcome = parsed;
        }

        query = new AuditQuery
        {
            From = From.Value,
            To = To.Value,
            UserId = User,
            PersonKey = person,
            DivisionPrefix = Division,
            Purpose = Purpose,
            Outcome = outcome,
            BreakGlass = BreakGlass,
        };
        return null;
    }
}
