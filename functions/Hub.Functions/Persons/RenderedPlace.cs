using System.Text.Json.Serialization;

namespace Hub.Functions.Persons;

/// <summary>A place of a rendered person; each part is absent when the policy hides it.</summary>
/// <param name="Division">The 12-digit division code, or its masked form.</param>
/// <param name="Grid">The grid within the community.</param>
/// <param name="Address">The address, or its masked form.</param>
/// <param name="DivisionName">The division's name from the division registry (光华里社区), when the code is shown in full and known.</param>
/// <param name="GridName">The grid's name (第三网格), when the grid is shown and known.</param>
/// <param name="DivisionPath">The path from the district down: 朝阳区 / 建外街道 / 光华里社区 / 第三网格.</param>
/// <param name="CurrentDivision">For a retired code, the code it resolves to today (a merged street's successor).</param>
internal sealed record RenderedPlace(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Division,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Grid,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Address,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DivisionName = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? GridName = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DivisionPath = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CurrentDivision = null);
