using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Hub.Core.Access;
using Hub.Core.Identity.Rotation;
using Hub.Core.Kernel;
using Hub.Core.Reads;
using Hub.Core.Subjects;
using Hub.Functions.Access;
using Hub.Functions.ApiDescription;
using Hub.Functions.Audit;
using Hub.Functions.Hosting;
using Hub.Functions.WebConsole;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Functions.Persons;

/// <summary>
/// A resident's requests about their own data, handled by an officer of their area (the policy's
/// <c>subjectRequests.roles</c>): the data subject's report, and a correction of one value, which goes to the
/// department that stated the value; that department's officers list and decide it. Persons are named in bodies only.
/// </summary>
internal static partial class SubjectRequestsApi
{
    private const int MaxAttributeLength = 64;

    public static IEndpointRouteBuilder MapSubjectRequestsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/persons")
            .WithTags("Persons")
            .RequireAuthorization(PersonsApi.PersonReaderPolicy)
            .RequireRateLimiting(RateLimitExtensions.PerUserPolicy)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        group.MapPost("/subject-report", ReportAsync)
            .WithName("SubjectReport")
            .WithSummary("The data subject's report: everything the Hub holds about a person, who looked and what was shared, for the person")
            .WithDescription("Body: {\"residentId\": \"…\"} or {\"personKey\": \"…\"}. Accept: text/html answers a printable Chinese document, otherwise JSON. " +
                "For the roles the access policy lists under subjectRequests, for persons in their jurisdiction; recorded under the purpose subjectRequests.reportPurpose. " +
                "The report's own audit event appears in the next report.")
            .Produces<SubjectReport>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Audited(Hub.Core.Audit.AuditAction.SubjectReport);

        group.MapPost("/corrections", FileCorrectionAsync)
            .WithName("FileCorrection")
            .WithSummary("File a resident's request to correct one value; it goes to the department that stated the value")
            .WithDescription("Body: {\"residentId\" or \"personKey\", \"attribute\": \"phone\", \"proposedValue\": \"…\", \"reason\": \"…\"}. " +
                "400 when the Hub holds no value of the attribute for the person. Recorded under the purpose subjectRequests.correctionPurpose.")
            .Produces<CorrectionView>(StatusCodes.Status201Created)
            .Audited(AuditedActions.CorrectionRequest);

        group.MapGet("/corrections", ListCorrectionsAsync)
            .WithName("ListCorrections")
            .WithSummary("The correction requests routed to the caller's department (department officers)")
            .WithDescription("status: open, accepted or rejected (every status when absent). Values are given as the access policy gives the department's own attributes.")
            .Produces<CorrectionList>(StatusCodes.Status200OK)
            .Audited(AuditedActions.CorrectionRead);

        group.MapPost("/corrections/{id}/decision", DecideCorrectionAsync)
            .WithName("DecideCorrection")
            .WithSummary("Accept or reject a correction request routed to the caller's department")
            .WithDescription("Body: {\"decision\": \"accept\" | \"reject\", \"answer\": \"…\"}. A decided request is 409; another department's is 404.")
            .Produces<CorrectionView>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status409Conflict)
            .Audited(AuditedActions.CorrectionDecision);

        return routes;
    }

    internal static async Task<Results<Ok<SubjectReport>, ContentHttpResult, ProblemHttpResult>> ReportAsync(
        SubjectReportRequest request, HttpContext context, AuditScope audit, PersonDisclosure reads, SubjectReports reports, PersonKeyRotation rotation, ConsoleLabels labels, CancellationToken cancellationToken)
    {
        var settings = reads.Policy.SubjectRequests;
        if (!TryStartHandler(reads, context, settings.ReportPurpose, audit, out var viewer, out var problem)
            || !TryPerson(request.ResidentId, request.PersonKey, out var id, out var key, out problem))
        {
            return problem;
        }

        var read = await ReadAsync(rotation, id, key, person => reports.ReportAsync(viewer, person, cancellationToken), cancellationToken);
        audit.Record(read.Disclosed);
        if (read.Value is not { } report)
        {
            return PersonsApi.NotFound();
        }

        if (!WantsHtml(context))
        {
            return TypedResults.Ok(report);
        }

        context.Response.Headers.ContentDisposition = "attachment; filename=\"subject-report.html\"";
        return TypedResults.Content(SubjectReportDocument.Render(report, labels), SubjectReportDocument.ContentType);
    }

    internal static async Task<Results<Created<CorrectionView>, ProblemHttpResult>> FileCorrectionAsync(
        CorrectionFiling filing, HttpContext context, AuditScope audit, PersonDisclosure reads, CorrectionRequests corrections, PersonKeyRotation rotation, CancellationToken cancellationToken)
    {
        var settings = reads.Policy.SubjectRequests;
        if (!TryStartHandler(reads, context, settings.CorrectionPurpose, audit, out var viewer, out var problem)
            || !TryPerson(filing.ResidentId, filing.PersonKey, out var id, out var key, out problem))
        {
            return problem;
        }

        var attribute = filing.Attribute?.Trim();
        if (attribute is null || !AttributePattern().IsMatch(attribute))
        {
            return HubProblems.BadRequest("Invalid attribute", $"Name the attribute to correct as the Hub names it (e.g. phone, residenceAddress): letters and digits, at most {MaxAttributeLength}.");
        }

        if (!TryText(filing.ProposedValue, out var proposed) || !TryText(filing.Reason, out var reason))
        {
            return HubProblems.BadRequest("Value and reason required", $"Give the proposed value and the reason, each 1 to {CorrectionRequests.MaxTextLength} characters.");
        }

        var read = await ReadAsync(rotation, id, key, person => reads.ReadAsync(viewer, person, cancellationToken), cancellationToken);
        audit.Record(read.Disclosed);
        if (read.Value is not { } profile)
        {
            return PersonsApi.NotFound();
        }

        if (CorrectionRequests.HeldValue(profile, attribute) is not { } held)
        {
            return HubProblems.BadRequest("No such value", "The Hub holds no value of this attribute for the person; a department adds it with its own feed.");
        }

        var filed = await corrections.FileAsync(profile.PersonKey, attribute, held, proposed, reason, viewer.User.Subject, viewer.User.Division.Value, cancellationToken);
        audit.Resource = $"correction={filed.Id} owner={filed.Owner} attribute={attribute}";
        audit.RecordCount = 1;
        return TypedResults.Created($"/api/persons/corrections/{filed.Id}", CorrectionView.Of(filed, currentValue: null, proposedValue: null));
    }

    internal static async Task<Results<Ok<CorrectionList>, ProblemHttpResult>> ListCorrectionsAsync(
        [FromQuery] string? status, HttpContext context, AuditScope audit, PersonDisclosure reads, CorrectionRequests corrections, CancellationToken cancellationToken)
    {
        if (!TryStartDepartment(reads, context, audit, out var viewer, out var department, out var problem))
        {
            return problem;
        }

        CorrectionStatus? wanted = null;
        if (status is not null)
        {
            if (!TryStatus(status, out var parsed))
            {
                return HubProblems.BadRequest("Invalid status", "status is open, accepted or rejected.");
            }

            wanted = parsed;
        }

        audit.Resource = $"department={department.Value}";
        var list = await corrections.ListAsync(department, wanted, cancellationToken);
        var items = list.Select(r => Render(reads, viewer, r, audit)).ToList();
        audit.RecordCount = items.Count;
        return TypedResults.Ok(new CorrectionList(department.Value, items));
    }

    internal static async Task<Results<Ok<CorrectionView>, ProblemHttpResult>> DecideCorrectionAsync(
        string id, CorrectionDecisionRequest decision, HttpContext context, AuditScope audit, PersonDisclosure reads, CorrectionRequests corrections, CancellationToken cancellationToken)
    {
        if (!TryStartDepartment(reads, context, audit, out var viewer, out var department, out var problem))
        {
            return problem;
        }

        if (!IdPattern().IsMatch(id))
        {
            return HubProblems.BadRequest("Invalid correction id", "A correction id is 19 digits, a hyphen and 8 lower-case hex characters.");
        }

        if (decision.Decision is not ("accept" or "reject") || !TryText(decision.Answer, out var answer))
        {
            return HubProblems.BadRequest("Decision and answer required", $"decision is accept or reject; answer is 1 to {CorrectionRequests.MaxTextLength} characters, told to the resident.");
        }

        audit.Resource = $"correction={id} owner={department.Value}";
        if (await corrections.DecideAsync(department, id, decision.Decision == "accept", answer, viewer.User.Subject, cancellationToken) is not { } outcome)
        {
            return HubProblems.NotFound("Unknown correction", "Your department has no correction request with this id.");
        }

        audit.Touch(outcome.Request.PersonKey);
        if (!outcome.Decided)
        {
            return HubProblems.Conflict("Already decided", $"This correction request was {CorrectionRequests.Name(outcome.Request.Status)} already.");
        }

        audit.RecordCount = 1;
        return TypedResults.Ok(Render(reads, viewer, outcome.Request, audit));
    }

    // The values of a request, as the policy gives the owning department's attribute to the caller.
    private static CorrectionView Render(PersonDisclosure reads, PersonViewer viewer, CorrectionRequest request, AuditScope audit)
    {
        audit.Touch(request.PersonKey);
        var access = reads.Decide(viewer, request.Owner, request.Attribute);
        if (access == FieldAccess.Hidden)
        {
            return CorrectionView.Of(request, null, null);
        }

        audit.Disclose(request.Attribute, access == FieldAccess.Masked);
        return access == FieldAccess.Shown
            ? CorrectionView.Of(request, request.CurrentValue, request.ProposedValue)
            : CorrectionView.Of(request, "***", "***");
    }

    // A viewer who may handle a resident's requests: one of the policy's roles; anyone else is refused, and audited as denied.
    private static bool TryStartHandler(PersonDisclosure reads, HttpContext context, string purpose, AuditScope audit, [NotNullWhen(true)] out PersonViewer? viewer, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        if (!PersonViewers.TryStart(reads, context, purpose, audit, out viewer, out problem))
        {
            return false;
        }

        var roles = reads.Policy.SubjectRequests.Roles;
        if (viewer.User.Roles.Any(roles.Contains))
        {
            return true;
        }

        audit.Deny();
        problem = HubProblems.Forbidden("Not a handler of residents' requests", $"Residents' requests about their data are handled by {string.Join(", ", roles)}.");
        viewer = null;
        return false;
    }

    // A department officer with a department: the requests routed to that department are theirs to see and decide.
    private static bool TryStartDepartment(PersonDisclosure reads, HttpContext context, AuditScope audit, [NotNullWhen(true)] out PersonViewer? viewer, out SourceId department, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        department = default;
        if (!PersonViewers.TryStart(reads, context, reads.Policy.SubjectRequests.CorrectionPurpose, audit, out viewer, out problem))
        {
            return false;
        }

        if (viewer.User.IsInRole(HubRoles.DepartmentOfficer) && viewer.User.Department is { } own)
        {
            department = own;
            return true;
        }

        audit.Deny();
        problem = HubProblems.Forbidden("Not a department officer", "Correction requests are seen and decided by the officers of the department that owns the value.");
        viewer = null;
        return false;
    }

    // The person asked about, by ID number or by key; either is followed across a pepper rotation.
    private static Task<PersonRead<T>> ReadAsync<T>(PersonKeyRotation rotation, ResidentId? id, PersonKey key, Func<PersonKey, Task<PersonRead<T>>> read, CancellationToken cancellationToken)
        where T : class =>
        id is { } number ? RotatedReads.ByIdAsync(rotation, number, read) : RotatedReads.ByKeyAsync(rotation, key, read, cancellationToken);

    private static bool TryPerson(string? residentId, string? personKey, out ResidentId? id, out PersonKey key, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        id = null;
        key = default;
        problem = null;
        if ((residentId is null) == (personKey is null))
        {
            problem = HubProblems.BadRequest("Name one person", "Give either residentId or personKey in the body.");
            return false;
        }

        if (residentId is not null)
        {
            if (!ResidentId.TryParse(residentId, out id, out var reason))
            {
                problem = HubProblems.BadRequest("Invalid ID number", reason);
                return false;
            }

            return true;
        }

        if (!PersonKey.TryParse(personKey, out key))
        {
            problem = HubProblems.BadRequest("Invalid person key", "A person key is 32 lower-case hex characters.");
            return false;
        }

        return true;
    }

    private static bool TryText(string? text, out string value)
    {
        value = text?.Trim() ?? string.Empty;
        return value.Length is > 0 and <= CorrectionRequests.MaxTextLength;
    }

    private static bool TryStatus(string text, out CorrectionStatus status)
    {
        status = text switch
        {
            "open" => CorrectionStatus.Open,
            "accepted" => CorrectionStatus.Accepted,
            "rejected" => CorrectionStatus.Rejected,
            _ => default,
        };
        return status != default;
    }

    private static bool WantsHtml(HttpContext context) =>
        context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex AttributePattern();

    [GeneratedRegex("^[0-9]{19}-[0-9a-f]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
