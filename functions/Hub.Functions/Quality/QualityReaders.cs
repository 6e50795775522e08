using System.Security.Claims;
using Hub.Core.Access;
using Hub.Core.Feeds.Sources;

namespace Hub.Functions.Quality;

/// <summary>
/// Whose data-quality figures a caller reads, as the access policy's <c>dataQuality</c> entries say: a feed client its
/// own source's, a department role its own department's, a city role every department's.
/// </summary>
internal static class QualityReaders
{
    public static bool MaySee(ClaimsPrincipal user, string source, DataQualitySettings settings)
    {
        if (user.IsInRole(HubRoles.FeedPublisher(source)))
        {
            return true;
        }

        return HubUser.TryRead(user, out var person, out _)
            && (settings.CityRoles.Any(person.IsInRole) || (settings.DepartmentRoles.Any(person.IsInRole) && person.Department?.Value == source));
    }

    public static IReadOnlyList<SourceMapping> Visible(ClaimsPrincipal user, SourceCatalog sources, DataQualitySettings settings) =>
        [.. sources.All.Where(s => MaySee(user, s.Id, settings))];
}
