using Hub.Core.Access;
using Hub.Core.Audit;
using Hub.Core.Kernel;
using Hub.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Functions.Audit;

/// <summary>
/// What part of the trail an auditor reviews. An auditor placed at a city (or province) reviews the whole trail:
/// every user, feed clients, anonymous refusals and the Hub's own events. An auditor placed at a district, street or
/// community reviews the users placed inside their division, as a district's supervisory office reviews its own
/// staff: their searches, exports, person reports and alerts hold only those users' events. Verifying the chain and
/// its proofs discloses no event and is open to every auditor.
/// </summary>
internal sealed record AuditorScope
{
    private AuditorScope(string? divisionPrefix) => DivisionPrefix = divisionPrefix;

    /// <summary>The prefix every reviewed user's division starts with; null for the whole trail.</summary>
    public string? DivisionPrefix { get; }

    /// <summary>The scope of the auditor of <paramref name="context"/> (the route's policy has checked they can be placed).</summary>
    public static AuditorScope Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HubUser.TryRead(context.User, out var user, out _))
        {
            throw new InvalidOperationException("The auditor policy let through an identity the Hub cannot place.");
        }

        return new AuditorScope(user.Division.Level is DivisionLevel.Province or DivisionLevel.City ? null : user.Division.Prefix);
    }

    /// <summary>
    /// <paramref name="query"/> narrowed to this scope; false when the division it asks for lies outside, so nothing
    /// could be found (the caller answers 403).
    /// </summary>
    public bool TryNarrow(AuditQuery query, out AuditQuery narrowed)
    {
        ArgumentNullException.ThrowIfNull(query);
        narrowed = query;
        if (DivisionPrefix is not { } own)
        {
            return true;
        }

        var asked = query.DivisionPrefix;
        if (string.IsNullOrEmpty(asked) || own.StartsWith(asked, StringComparison.Ordinal))
        {
            narrowed = query with { DivisionPrefix = own };
            return true;
        }

        return asked.StartsWith(own, StringComparison.Ordinal);
    }

    /// <summary>Whether the events of a user placed at <paramref name="division"/> lie in this scope.</summary>
    public bool Reviews(string? division) =>
        DivisionPrefix is not { } own || (division?.StartsWith(own, StringComparison.Ordinal) ?? false);

    /// <summary>The 403 answer to a search for a division outside the scope.</summary>
    public static ProblemHttpResult OutsideScope() => HubProblems.Forbidden("Outside your division", "An auditor placed below the city reviews the users of their own division only.");
}
