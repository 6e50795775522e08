using Hub.Core.Kernel;

namespace Hub.Functions.Persons;

/// <summary>A person's household as the caller may see it: members outside the caller's jurisdiction are left out.</summary>
/// <param name="HouseholdKey">The household; null when no source states one and the person is alone.</param>
/// <param name="On">The day the memberships' activity is given for.</param>
/// <param name="Members">The members, each rendered for the caller.</param>
internal sealed record RenderedHousehold(HouseholdKey? HouseholdKey, DateOnly On, IReadOnlyList<RenderedPerson> Members);
