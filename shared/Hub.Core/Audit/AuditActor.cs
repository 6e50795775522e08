namespace Hub.Core.Audit;

/// <summary>Who acted: the person or machine identity, the role they acted in, their division and the client they used.</summary>
/// <param name="UserId">The identity's stable object id (never a name or an ID number).</param>
/// <param name="Role">The app role the action was allowed under, e.g. <c>Hub.DataSteward</c>.</param>
/// <param name="Division">The 12-digit division code of the user's jurisdiction; null for machine identities.</param>
/// <param name="ClientApplicationId">The client application the token was issued to.</param>
/// <param name="ClientAddress">The network address the request came from.</param>
public sealed record AuditActor(string UserId, string? Role = null, string? Division = null, string? ClientApplicationId = null, string? ClientAddress = null);
