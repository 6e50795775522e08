namespace Hub.Samples;

/// <summary>A public-housing tenancy recorded by housing security; the tenant lives at the person's residence.</summary>
/// <param name="Type">The housing scheme.</param>
/// <param name="MonthlyRent">Yuan per month.</param>
/// <param name="HouseholdSize">家庭人口.</param>
/// <param name="From">合同起始日期.</param>
/// <param name="To">合同终止日期.</param>
public sealed record Tenancy(HousingType Type, decimal MonthlyRent, int HouseholdSize, DateOnly From, DateOnly To);