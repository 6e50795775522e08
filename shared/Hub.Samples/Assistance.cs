namespace Hub.Samples;

/// <summary>A social-assistance entitlement recorded by civil affairs.</summary>
/// <param name="Type">The kind of assistance.</param>
/// <param name="MonthlyAmount">Yuan per month.</param>
/// <param name="HouseholdSize">保障人数: the people the entitlement covers.</param>
/// <param name="From">First day of the entitlement.</param>
/// <param name="To">Last day, when it has ended or is due to end.</param>
public sealed record Assistance(AssistanceType Type, decimal MonthlyAmount, int HouseholdSize, DateOnly From, DateOnly? To);