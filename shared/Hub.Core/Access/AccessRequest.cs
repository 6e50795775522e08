namespace Hub.Core.Access;

/// <summary>A look at person data: who looks, for what declared purpose, and whether under a break-glass grant.</summary>
/// <param name="User">The user looking.</param>
/// <param name="Purpose">The declared purpose; null when none was declared.</param>
/// <param name="BreakGlass">Whether the user holds a current break-glass grant (checked by the caller against its duration).</param>
public sealed record AccessRequest(HubUser User, Purpose? Purpose = null, bool BreakGlass = false);
