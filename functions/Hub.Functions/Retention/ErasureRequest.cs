namespace Hub.Functions.Retention;

/// <summary>A department's request to erase what it holds of one person: the ID number, in the body only, and why (<see cref="ErasureRequestsApi.Reasons"/>).</summary>
internal sealed record ErasureRequest(string? ResidentId, string? Reason);
