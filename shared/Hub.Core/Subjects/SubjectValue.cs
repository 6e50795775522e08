namespace Hub.Core.Subjects;

/// <summary>One value the Hub holds about the person, where it comes from, and what other departments say of it.</summary>
/// <param name="Attribute">The attribute, e.g. <c>name</c> or <c>residenceAddress</c>.</param>
/// <param name="Value">The value as the Hub holds it.</param>
/// <param name="Source">The department that stated it; it owns corrections of it.</param>
/// <param name="Batch">The batch it came in.</param>
/// <param name="AsOf">The day the source stated it as of.</param>
/// <param name="Others">Different values other departments state for the same attribute.</param>
public sealed record SubjectValue(string Attribute, string Value, string Source, string Batch, DateOnly AsOf, IReadOnlyList<SubjectValue> Others);
