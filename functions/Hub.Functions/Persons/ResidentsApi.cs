using System.Globalization;
using Hub.Core.Access;
using Hub.Core.Access.Residents;
using Hub.Core.Audit;
using Hub.Core.Divisions;
using Hub.Core.Kernel;
using Hub.Core.Reads;
using Hub.Functions.Access;
using Hub.Functions.ApiDescription;
using Hub.Functions.Audit;
using Hub.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.Persons;

/// <summary>
/// The special-group residents of a division, for personal roles, from the resident index (a street, community or
/// grid from its street's roster in memory, a county or city with one range query), each person once, rendered by the
/// access policy, paged with the Hub's own signed continuation tokens.
/// </summary>
internal static class ResidentsApi
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 200;

    // The most index rows one request reads: a rare filter over a district is answered in shorter pages, not one long scan.
    private const int ScanLimit = 2000;

    public static IEndpointRouteBuilder MapResidentsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/residents", ListResidentsAsync)
            .WithTags("Persons")
            .RequireAuthorization(PersonsApi.PersonReaderPolicy)
            .RequireRateLimiting(RateLimitExtensions.PerUserPolicy)
            .WithName("ListResidents")
            .WithSummary("Special-group residents of a division in the caller's jurisdiction, paged, rendered for the caller")
            .WithDescription("division (12 digits; default the caller's own), grid (a community's grid), group (e.g. dibao), household (a household key), " +
                "activeOn (default today: residents with a membership active that day), status (active, deceased, movedOut, comma-separated; default active: " +
                "neither deceased nor moved out on that day), purpose, pageSize (1-200, default 50), continuation (from the previous page). " +
                "A person whose residence and registration both lie inside appears once. A division outside the caller's jurisdiction is 404.")
            .Produces<ResidentsPage>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .Audited(AuditAction.DivisionList);
        return routes;
    }

    internal static async Task<Results<Ok<ResidentsPage>, ProblemHttpResult>> ListResidentsAsync(
        [AsParameters] ResidentListRequest list,
        HttpContext context,
        AuditScope audit,
        PersonDisclosure reads,
        ResidentDirectory directory,
        ContinuationTokens tokens,
        DivisionDirectory divisions,
        CancellationToken cancellationToken)
    {
        if (!PersonViewers.TryStart(reads, context, list.Purpose, audit, out var look, out var problem))
        {
            return problem;
        }

        DivisionCode? code = look.User.Division;
        if (list.Division is not null && !DivisionCode.TryParse(list.Division, out code, out _))
        {
            return Bad("'division' is a 12-digit division code (6 and 9 digits are padded).");
        }

        GridCode? gridCode = null;
        if (list.Grid is not null && !GridCode.TryParse(list.Grid, out gridCode))
        {
            return Bad("'grid' is 1 to 20 letters, digits or hyphens.");
        }

        GroupId? groupId = null;
        if (list.Group is not null && !GroupId.TryParse(list.Group, out groupId))
        {
            return Bad("'group' is a group id such as dibao or disability.");
        }

        HouseholdKey? householdKey = null;
        if (list.Household is not null && !HouseholdKey.TryParse(list.Household, out householdKey))
        {
            return Bad("'household' is a household key from a person or list answer.");
        }

        DateOnly day = reads.Today;
        if (list.ActiveOn is not null && !DateOnly.TryParseExact(list.ActiveOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return Bad("'activeOn' is a date, yyyy-MM-dd.");
        }

        if (!ResidentStatusFilter.TryParse(list.Status, out var status))
        {
            return Bad("'status' is active, deceased or movedOut, or several of them comma-separated.");
        }

        if (list.PageSize is < 1 or > MaxPageSize)
        {
            return Bad($"'pageSize' is 1 to {MaxPageSize}.");
        }

        var jurisdiction = look.Jurisdiction;
        gridCode ??= jurisdiction.Grid is { } own && code.Value.Level == DivisionLevel.Community ? own : null;
        audit.Resource = $"division={code.Value.Value}{(gridCode is { } g ? " grid=" + g.Value : string.Empty)}";
        if (gridCode is not null && code.Value.Level != DivisionLevel.Community)
        {
            return Bad("'grid' needs a community 'division'.");
        }

        if (!jurisdiction.Division.Contains(code.Value) || (jurisdiction.Grid is { } only && gridCode != only))
        {
            audit.Deny();
            return HubProblems.NotFound("Unknown division", "No such division in your jurisdiction.");
        }

        if (groupId is { } wanted && reads.GroupAccess(look, wanted, out _) != FieldAccess.Shown)
        {
            audit.Deny();
            return HubProblems.Forbidden("Group not shown to you", "Your role (with this purpose) is not shown this group, so it cannot filter by it; a purpose may raise it.");
        }

        if (list.Status is not null && reads.StatusAccess(look) != FieldAccess.Shown)
        {
            audit.Deny();
            return HubProblems.Forbidden("Status not shown to you", "Your role (with this purpose) is not shown a person's status, so it cannot filter by it.");
        }

        var query = new ResidentListQuery(code.Value, gridCode, householdKey);
        var binding = $"{code.Value.Value}|{gridCode?.Value}|{groupId?.Value}|{householdKey?.Value}|{day:yyyy-MM-dd}|{status.Value}|{look.Purpose?.Value}";
        ResidentListPosition? after = null;
        if (list.Continuation is not null && !tokens.TryRead(list.Continuation, look.User.Subject, binding, out after))
        {
            return Bad("The continuation token is not one the Hub issued for this user and this query, or it is more than an hour old; start again from the first page.");
        }

        // A street or community merged into this one is listed with it: those filed under the old code lie here today.
        var registry = divisions.Registry;
        var parts = registry.PredecessorsOf(code.Value)
            .Where(old => !code.Value.Contains(old))
            .Select(old => query with { Division = old })
            .Prepend(query)
            .ToList();
        var page = await directory.ListAsync(
            parts, resident => resident.IsSpecialGroupMemberOn(day, groupId) && status.Matches(resident, day), list.PageSize ?? DefaultPageSize, after, ScanLimit, cancellationToken);
        var shown = reads.Residents(look, page.Residents, day);
        audit.Record(shown.Disclosed);
        var items = shown.Value!.Select(resident => Item(resident, registry)).ToList();
        var next = page.Next is { } position ? tokens.Issue(position, look.User.Subject, binding) : null;
        return TypedResults.Ok(new ResidentsPage(items, day, status.Value, next));
    }

    private static ResidentItem Item(ResidentDisclosure shown, DivisionRegistry registry)
    {
        var names = DivisionNames.Of(registry, shown.Resident.Division, shown.Resident.Grid);
        return new ResidentItem(
            shown.Resident.PersonKey.Value,
            shown.Name,
            shown.Resident.Division,
            shown.Resident.Grid,
            shown.Resident.Places,
            shown.Groups,
            shown.Resident.HouseholdKey,
            !shown.Resident.Identified,
            shown.Status,
            shown.StatusDate,
            names.Name,
            names.GridName,
            names.Path);
    }

    private static ProblemHttpResult Bad(string detail) =>
        HubProblems.BadRequest("Invalid resident list query", detail);
}
