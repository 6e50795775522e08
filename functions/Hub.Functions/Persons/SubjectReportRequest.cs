namespace Hub.Functions.Persons;

/// <summary>The body of a data subject's report request: the person by ID number (never in a URL) or by person key.</summary>
/// <param name="ResidentId">The resident's ID number, 18 or 15 characters; or give <paramref name="PersonKey"/>.</param>
/// <param name="PersonKey">The person key, 32 lower-case hex characters; or give <paramref name="ResidentId"/>.</param>
internal sealed record SubjectReportRequest(string? ResidentId, string? PersonKey);
