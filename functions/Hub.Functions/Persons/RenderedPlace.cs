using System.Text.Json.Serialization;

namespace Hub.Functions.Persons;

/// <summary>A place of a rendered person; each part is absent when the policy hides it.</summary>
/// <param name="Division">The 12-digit division code, or its masked form.</param>
/// <param name="Grid">The grid within the community.</param>
/// <param name="Address">The address, or its masked form.</param>
internal sealed record RenderedPlace(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Division,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Grid,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Address);
