using System.Text.Json.Serialization;

namespace Hub.Functions.Persons;

/// <summary>A special-group membership of a rendered person. A masked one carries only <c>group: "***"</c> and <c>active</c>.</summary>
/// <param name="Group">The group id, or <c>***</c> when the policy masks it.</param>
/// <param name="Active">Whether the membership is active today: as its source states it, and not after the holder's death.</param>
/// <param name="InactiveReason">Why a membership its source still states active is not: <c>deceased</c>, the holder died before today. The source's dates stay as sent.</param>
/// <param name="Source">The source that states it.</param>
/// <param name="ValidFrom">The first day.</param>
/// <param name="LastDay">The last day; null while open-ended.</param>
/// <param name="Details">The group's details the policy shows (e.g. assistance type and amount, disability grade).</param>
internal sealed record RenderedMembership(
    string Group,
    bool Active,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? InactiveReason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? ValidFrom,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? LastDay,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Details);
