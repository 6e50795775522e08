using Hub.Core.Access;
using Hub.Core.Kernel;
using Hub.Core.Profiles;

namespace Hub.Core.Checks;

/// <summary>A person the checks evaluated in a batch, and what an item about them carries besides its evidence.</summary>
/// <param name="PersonKey">The person.</param>
/// <param name="Findings">What the checks without a household condition found.</param>
/// <param name="HouseholdCandidate">The profile, kept only when a household condition may hold, so the household is looked at after the batch.</param>
/// <param name="Residence">The residence place.</param>
/// <param name="Registration">The registration place.</param>
/// <param name="Name">The surviving name (personal data, stored with items for the access policy to render).</param>
/// <param name="NameSource">Its source.</param>
internal sealed record EvaluatedPerson(
    PersonKey PersonKey,
    IReadOnlyList<CheckFinding> Findings,
    PersonProfile? HouseholdCandidate,
    DivisionPlace? Residence,
    DivisionPlace? Registration,
    string? Name,
    string? NameSource);
