namespace Hub.Core.Quality;

/// <summary>Disagreement on one attribute with one other department.</summary>
/// <param name="Source">The other department's source.</param>
/// <param name="Compared">Persons for whom both hold a value.</param>
/// <param name="Differing">Of those, persons whose values differ.</param>
/// <param name="Rate">Differing over compared.</param>
public sealed record DepartmentDisagreement(string Source, long Compared, long Differing, double Rate);
