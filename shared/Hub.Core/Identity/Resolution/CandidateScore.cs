namespace Hub.Core.Identity.Resolution;

/// <summary>A candidate person of a possible match and the score the matcher gave them, as stored with the link.</summary>
/// <param name="Person">The candidate's person key.</param>
/// <param name="Score">The score.</param>
public sealed record CandidateScore(string Person, double Score);
