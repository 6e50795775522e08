using System.Diagnostics.CodeAnalysis;
using Hub.Core.Reads;
using Hub.Functions.Audit;
using Hub.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.Persons;

/// <summary>Starts a look at person data for a request, and maps a refusal to its problem answer and audit account.</summary>
internal static class PersonViewers
{
    /// <summary>
    /// The viewer the request's token and declared purpose describe; a token that does not describe a personal user
    /// is 403 (the group's authorization policy lets none through) and recorded as denied, an unlisted purpose 400.
    /// </summary>
    public static bool TryStart(PersonDisclosure reads, HttpContext context, string? purpose, AuditScope audit, [NotNullWhen(true)] out PersonViewer? viewer, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        ArgumentNullException.ThrowIfNull(reads);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(audit);
        var start = reads.Start(context.User, purpose);
        if (start.Started)
        {
            viewer = start.Viewer;
            problem = null;
            audit.Purpose = viewer.Purpose?.Value;
            return true;
        }

        viewer = null;
        if (start.Refusal == ViewerRefusal.NotPersonal)
        {
            audit.Deny();
            problem = HubProblems.Forbidden("Not a personal identity", "Person data is read with a personal identity: a role, a division and, for grid workers, a grid.");
            return false;
        }

        problem = HubProblems.BadRequest("Unknown purpose", $"Declare one of the listed purposes: {string.Join(", ", reads.Policy.Purposes.Select(p => p.Id))}.");
        return false;
    }
}
