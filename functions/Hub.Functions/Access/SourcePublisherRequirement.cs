using Microsoft.AspNetCore.Authorization;

namespace Hub.Functions.Access;

/// <summary>The caller holds the feed-publisher role of the source named in the route.</summary>
internal sealed class SourcePublisherRequirement : IAuthorizationRequirement;
