namespace Hub.Core.Quality;

/// <summary>How often a department's value of an attribute differs from another department's for the same person.</summary>
/// <param name="Attribute">The compared attribute.</param>
/// <param name="Compared">Person and other-department pairs where both hold a value.</param>
/// <param name="Differing">Of those, the pairs whose values differ.</param>
/// <param name="Rate">Differing over compared.</param>
/// <param name="ByDepartment">The same, department by department.</param>
public sealed record DisagreementFigure(string Attribute, long Compared, long Differing, double Rate, IReadOnlyList<DepartmentDisagreement> ByDepartment);
