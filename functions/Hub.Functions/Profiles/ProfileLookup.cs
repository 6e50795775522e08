namespace Hub.Functions.Profiles;

/// <summary>The body of a profile look-up: the ID number travels here, never in a URL.</summary>
/// <param name="ResidentId">The resident ID number, 18 or 15 characters.</param>
internal sealed record ProfileLookup(string? ResidentId);
