using Hub.Core.Kernel;

namespace Hub.Core.Access;

/// <summary>Where a person is placed, by residence or by household registration: a division and, if known, a grid.</summary>
/// <param name="Division">The 12-digit division code.</param>
/// <param name="Grid">The grid inside the community, when the department knows it.</param>
public readonly record struct DivisionPlace(DivisionCode Division, GridCode? Grid = null);
