using Microsoft.AspNetCore.Authorization;

namespace Hub.Functions.Access;

/// <summary>
/// The caller may act on the source named in the route: its feed client (the feed-publisher role of the source)
/// always; when <paramref name="DepartmentReads"/>, also an officer of that department and an administrator, who
/// follow the department's batches (and decide about a held snapshot) without being able to push.
/// </summary>
/// <param name="DepartmentReads">Whether the department's officers and administrators pass too.</param>
internal sealed record SourcePublisherRequirement(bool DepartmentReads = false) : IAuthorizationRequirement;
