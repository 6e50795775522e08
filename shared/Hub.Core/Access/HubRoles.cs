using Hub.Core.Kernel;

namespace Hub.Core.Access;

/// <summary>The app roles the Hub understands (Entra ID app role values, as in <c>infra/entra/app-roles.json</c>).</summary>
public static class HubRoles
{
    /// <summary>The prefix of feed-publisher roles; the rest of the value is the source id.</summary>
    public const string FeedPublisherPrefix = "Feeds.Publish.";

    /// <summary>Grid workers: the special-group residents of one grid of their community.</summary>
    public const string GridWorker = "Hub.GridWorker";

    /// <summary>Community workers: the special-group residents of their community.</summary>
    public const string CommunityWorker = "Hub.CommunityWorker";

    /// <summary>Street office officers: the special-group residents of their street (sub-district).</summary>
    public const string StreetOfficer = "Hub.StreetOfficer";

    /// <summary>District officers: the special-group residents of their district (county).</summary>
    public const string DistrictOfficer = "Hub.DistrictOfficer";

    /// <summary>Department officers: their own department's facts in full, other departments' as the policy allows.</summary>
    public const string DepartmentOfficer = "Hub.DepartmentOfficer";

    /// <summary>Data stewards: read whole profiles and resolve possible duplicate persons.</summary>
    public const string DataSteward = "Hub.DataSteward";

    /// <summary>Auditors: the audit trail, never the people in it.</summary>
    public const string Auditor = "Hub.Auditor";

    /// <summary>Administrators: sources, configuration and alerts; no person data by this role alone.</summary>
    public const string Administrator = "Hub.Administrator";

    /// <summary>Every role a personal identity can hold, in the order the access policy lists them.</summary>
    public static IReadOnlyList<string> PersonalRoles { get; } =
        [GridWorker, CommunityWorker, StreetOfficer, DistrictOfficer, DepartmentOfficer, DataSteward, Auditor, Administrator];

    /// <summary>The roles that never see person data, whatever the policy file says.</summary>
    public static IReadOnlyList<string> WithoutPersonData { get; } = [Auditor, Administrator];

    /// <summary>The role that lets a machine identity push and follow feeds of one source.</summary>
    public static string FeedPublisher(string source) => FeedPublisherPrefix + source;

    /// <summary>
    /// The division level a holder of <paramref name="role"/> must be placed at: a grid or community worker at a
    /// community, a street officer at a street, a district officer at a county. Null: any level (department
    /// officers, data stewards, auditors and administrators may sit at a city or a district).
    /// </summary>
    public static DivisionLevel? DivisionLevelOf(string role) => role switch
    {
        GridWorker or CommunityWorker => DivisionLevel.Community,
        StreetOfficer => DivisionLevel.Street,
        DistrictOfficer => DivisionLevel.County,
        _ => null,
    };
}
