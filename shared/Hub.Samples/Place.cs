using Hub.Core.Kernel;

namespace Hub.Samples;

/// <summary>An address placed in the division hierarchy.</summary>
/// <param name="Division">The 12-digit community (or village) code.</param>
/// <param name="Grid">The grid within the community, e.g. <c>G07</c>.</param>
/// <param name="Address">The address as a clerk writes it.</param>
public sealed record Place(DivisionCode Division, string Grid, string Address);