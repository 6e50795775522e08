using Hub.Core.Identity.Matching;
using Hub.Core.Profiles;

namespace Hub.Core.Identity.Resolution;

/// <summary>A candidate person of a possible match.</summary>
/// <param name="Score">The score now (the person's records may have changed since the record was queued).</param>
/// <param name="Fields">One comparison per field of the match rules.</param>
/// <param name="Profile">The candidate's golden profile.</param>
public sealed record ReviewCandidate(double Score, IReadOnlyList<FieldComparison> Fields, PersonProfile Profile);
