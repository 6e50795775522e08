namespace Hub.Functions.Divisions;

/// <summary>One division as the registry holds it.</summary>
/// <param name="Code">The 12-digit code.</param>
/// <param name="Name">The name.</param>
/// <param name="Level">county, street or community.</param>
/// <param name="Parent">The parent's code; absent for a county.</param>
/// <param name="ValidFrom">The first day in force, when known.</param>
/// <param name="ValidTo">The last day in force; absent while in force.</param>
/// <param name="Successor">The division that took it over; absent when it was not merged.</param>
/// <param name="FullName">The path as one line: 朝阳区 / 建外街道 / 光华里社区.</param>
internal sealed record DivisionView(
    string Code,
    string Name,
    string Level,
    string? Parent,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? Successor,
    string FullName);
