using Hub.Core.Kernel;

namespace Hub.Core.Divisions;

/// <summary>A grid (网格) of a community, as the city draws them.</summary>
/// <param name="Community">The community the grid lies in.</param>
/// <param name="Code">The grid's code within the community, e.g. <c>G03</c>.</param>
/// <param name="Name">The grid's name: 第三网格.</param>
public sealed record DivisionGrid(DivisionCode Community, GridCode Code, string Name);
