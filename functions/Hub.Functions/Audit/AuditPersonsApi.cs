using System.Runtime.CompilerServices;
using Hub.Core.Audit;
using Hub.Core.Divisions;
using Hub.Core.Identity.Rotation;
using Hub.Core.Kernel;
using Hub.Functions.ApiDescription;
using Hub.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hub.Functions.Audit;

/// <summary>
/// <c>GET /api/audit/persons/{personKey}/accesses</c>: who looked at a person, for a data subject's request (PIPL
/// art. 45), answered from the person index (one row-key range, however long the trail) and the few chained events
/// the index has not reached yet, so an access is listed from the moment it was answered.
/// </summary>
internal static class AuditPersonsApi
{
    /// <summary>The most accesses one report lists; a longer history is cut, and says so.</summary>
    public const int MaxAccesses = 10_000;

    private const string Resource = "person accesses";

    public static RouteGroupBuilder MapAuditPersonAccesses(this RouteGroupBuilder group)
    {
        group.MapGet("/persons/{personKey}/accesses", PersonAccessesAsync)
            .WithName("AuditPersonAccesses")
            .WithSummary("Who looked at a person: every access, by user, for a data subject's request (auditors)")
            .WithDescription("from and to (ISO 8601) bound the report; without them it covers the retention period up to now. format=csv answers spreadsheet-safe CSV. The report names the person by key only.")
            .Produces<AuditPersonAccessesView>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblems(StatusCodes.Status400BadRequest)

            // A person key not of its form is a wrong question, answered like the others.
            .AnswerMalformedRouteValues((_, audit) =>
            {
                audit.Resource = Resource;
                return AuditApi.BadQuery("The person key is 32 lower-case hex characters.");
            });
        return group;
    }

    internal static async Task<Results<Ok<AuditPersonAccessesView>, PushStreamHttpResult, ProblemHttpResult>> PersonAccessesAsync(
        [AsParameters] AuditPersonAccessesQuery report,
        PersonKey personKey,
        AuditSearch search,
        PersonKeyRotation rotation,
        DivisionDirectory divisions,
        AuditScope audit,
        IOptions<AuditOptions> options,
        TimeProvider time,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        audit.Resource = Resource;
        audit.Touch(personKey);

        if (report.Format is not (null or "json" or "csv"))
        {
            return AuditApi.BadQuery("'format' is json or csv.");
        }

        var end = report.To ?? time.GetUtcNow();
        var start = report.From ?? end.AddYears(-options.Value.RetentionYears);
        if (end < start)
        {
            return AuditApi.BadQuery("'to' must not be before 'from'.");
        }

        if (!AuditorScope.Of(context).TryNarrow(new AuditQuery { From = start, To = end, PersonKey = personKey }, out var query))
        {
            return AuditorScope.OutsideScope();
        }

        // Events keep the key they were written with: after a pepper rotation the person's history before it is
        // under their former key, and reads both, oldest first.
        var keys = await rotation.KeysOfPersonAsync(personKey, cancellationToken);
        if (report.Format == "csv")
        {
            audit.Resource = "person accesses csv";
            audit.RecordCount = 0;
            return TypedResults.Stream(
                stream => AuditCsv.WriteAsync(OnlyAbout(SearchAllAsync(search, query, personKey, keys, context.RequestAborted), personKey), stream, divisions.Registry, context.RequestAborted),
                AuditExportApi.CsvContentType,
                "person-accesses.csv");
        }

        var records = new List<AuditRecord>();
        await foreach (var record in SearchAllAsync(search, query, personKey, keys, cancellationToken))
        {
            if (records.Count == MaxAccesses)
            {
                break;
            }

            records.Add(record);
        }

        audit.RecordCount = records.Count;
        var users = records
            .GroupBy(r => r.Event.Actor.UserId, StringComparer.Ordinal)
            .Select(u => new AuditPersonAccessUserView(u.Key, u.First().Event.Actor.Role, u.First().Event.Actor.Division, u.Count(), u.First().Time, u.Last().Time, u.Any(r => r.Event.IsBreakGlass)))
            .OrderByDescending(u => u.Accesses)
            .ThenBy(u => u.UserId, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new AuditPersonAccessesView(
            personKey.Value, start, end, records.Count == MaxAccesses, users, records.Select(r => AuditPersonAccessView.From(r, personKey)).ToList()));
    }

    /// <summary>
    /// The events about any of <paramref name="keys"/> (one person's keys before and after a pepper rotation), key by key
    /// in the order given, each event once, naming the person by <paramref name="person"/> whichever key it was written with.
    /// </summary>
    private static async IAsyncEnumerable<AuditRecord> SearchAllAsync(
        AuditSearch search, AuditQuery query, PersonKey person, IReadOnlyList<PersonKey> keys, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<long>();
        foreach (var key in keys)
        {
            await foreach (var record in search.SearchAllAsync(query with { PersonKey = key }, cancellationToken).ConfigureAwait(false))
            {
                if (seen.Add(record.Sequence))
                {
                    yield return key == person ? record : record with
                    {
                        Event = record.Event with { PersonKeys = [.. record.Event.PersonKeys.Select(k => keys.Contains(k) ? person : k)] },
                    };
                }
            }
        }
    }

    /// <summary>
    /// The events as they concern this one person: a list answer that touched others names only this person, so a
    /// report handed to the data subject carries no one else's key.
    /// </summary>
    private static async IAsyncEnumerable<AuditRecord> OnlyAbout(IAsyncEnumerable<AuditRecord> records, PersonKey person)
    {
        await foreach (var record in records.ConfigureAwait(false))
        {
            yield return record with { Event = record.Event with { PersonKeys = [person] } };
        }
    }
}
