namespace Hub.Functions.Access;

/// <summary>
/// Why authorization refused a request, as the requirement that failed put it; the 403 problem's detail. Reasons
/// name claims and roles, never a claim's value.
/// </summary>
/// <param name="Reason">The reason, a sentence fragment such as "the division claim is not usable: …".</param>
internal sealed record RefusalReason(string Reason);
