namespace Hub.Samples;

/// <summary>A registered household (户): its number, its shape and its members.</summary>
/// <param name="Number">户号.</param>
/// <param name="Kind">The shape of the household.</param>
/// <param name="Members">The members, head first.</param>
public sealed record Household(string Number, HouseholdKind Kind, IReadOnlyList<Person> Members);