using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Hub.Core.Kernel;

namespace Hub.Core.Access;

/// <summary>
/// A person using the Hub, as their token describes them: subject, personal roles, area (division and, for a grid
/// worker, grid) and, for a department officer, department. Read with <see cref="TryRead"/>; a token that does not
/// describe a usable identity gives a reason instead, never a half-filled user.
/// </summary>
public sealed record HubUser
{
    /// <summary>The subject (<c>sub</c>): the identity's stable id.</summary>
    public required string Subject { get; init; }

    /// <summary>The personal roles held (<see cref="HubRoles.PersonalRoles"/>); roles the Hub does not know are left out.</summary>
    public required IReadOnlySet<string> Roles { get; init; }

    /// <summary>The user's area (<c>division</c> claim).</summary>
    public required DivisionCode Division { get; init; }

    /// <summary>A grid worker's grid (<c>grid</c> claim); null for every other role.</summary>
    public GridCode? Grid { get; init; }

    /// <summary>A department officer's department (<c>department</c> claim): the source whose facts they see in full.</summary>
    public SourceId? Department { get; init; }

    /// <summary>Whether the user holds <paramref name="role"/>.</summary>
    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>
    /// Reads a user from an authenticated principal. Fails, with a reason naming the claim, when there is no
    /// subject, no personal role, no valid <c>division</c>, a division at the wrong level for a role (a street officer
    /// placed at a community), a grid worker without a valid <c>grid</c>, or a department officer without a valid
    /// <c>department</c>. The reason never quotes a claim's value.
    /// </summary>
    public static bool TryRead(ClaimsPrincipal principal, [NotNullWhen(true)] out HubUser? user, [NotNullWhen(false)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(principal);
        user = null;
        var subject = principal.FindFirst(HubClaims.Subject)?.Value;
        var roles = principal.FindAll(HubClaims.Roles)
            .Select(c => c.Value)
            .Where(HubRoles.PersonalRoles.Contains)
            .ToHashSet(StringComparer.Ordinal);
        reason = Describe(subject, roles, principal.FindFirst(HubClaims.Division)?.Value, principal.FindFirst(HubClaims.Grid)?.Value, principal.FindFirst(HubClaims.Department)?.Value, out var division, out var grid, out var department);
        if (reason is not null)
        {
            return false;
        }

        user = new HubUser { Subject = subject!, Roles = roles, Division = division!.Value, Grid = grid, Department = department };
        return true;
    }

    /// <summary>
    /// Checks the parts of a personal identity; null when they make a usable user. Shared by <see cref="TryRead"/>
    /// and the development token minting, so a token the Hub would refuse is never minted.
    /// </summary>
    public static string? Describe(string? subject, IReadOnlyCollection<string> roles, string? divisionText, string? gridText, string? departmentText, out DivisionCode? division, out GridCode? grid, out SourceId? department)
    {
        ArgumentNullException.ThrowIfNull(roles);
        division = null;
        grid = null;
        department = null;
        if (string.IsNullOrWhiteSpace(subject))
        {
            return "the token has no subject (sub)";
        }

        if (roles.Count == 0 || roles.Any(r => !HubRoles.PersonalRoles.Contains(r)))
        {
            return $"the roles must be among {string.Join(", ", HubRoles.PersonalRoles)}";
        }

        if (!DivisionCode.TryParse(divisionText, out division, out var divisionProblem))
        {
            return $"the {HubClaims.Division} claim is not usable: {divisionProblem}";
        }

        foreach (var role in roles)
        {
            if (HubRoles.DivisionLevelOf(role) is { } level && division.Value.Level != level)
            {
                return $"a {role} is placed at a {level.ToString().ToLowerInvariant()} division, but the {HubClaims.Division} claim names a {division.Value.Level.ToString().ToLowerInvariant()}";
            }
        }

        if (roles.Contains(HubRoles.GridWorker) && !GridCode.TryParse(gridText, out grid))
        {
            return $"a {HubRoles.GridWorker} needs a {HubClaims.Grid} claim of 1 to 20 letters, digits or hyphens, e.g. G03";
        }

        if (!roles.Contains(HubRoles.GridWorker))
        {
            grid = null;
        }

        if (roles.Contains(HubRoles.DepartmentOfficer) && !SourceId.TryParse(departmentText, out department))
        {
            return $"a {HubRoles.DepartmentOfficer} needs a {HubClaims.Department} claim naming a source id, e.g. civil-affairs";
        }

        return null;
    }
}
