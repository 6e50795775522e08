namespace Hub.Functions.Persons;

/// <summary>The body of a claim verification: whose (by ID number, in the body only), what, and why.</summary>
internal sealed record VerificationRequest(string? ResidentId, ClaimRequest? Claim, string? Purpose);
