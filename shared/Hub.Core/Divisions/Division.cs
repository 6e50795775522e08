using Hub.Core.Kernel;

namespace Hub.Core.Divisions;

/// <summary>
/// One division of the registry: a county (GB/T 2260), a street or township, or a community or village (the
/// statistical codes), with its name, its parent and the days it was in force. A code that was merged away keeps its
/// entry, end-dated, and names the division that took it over.
/// </summary>
/// <param name="Code">The 12-digit code (a county's and a street's padded with zeros).</param>
/// <param name="Name">The name, in Chinese: 朝阳区, 建外街道, 光华里社区.</param>
/// <param name="Parent">The division it lies in: a street's county, a community's street; null for a county.</param>
/// <param name="ValidFrom">The first day in force; null when the registry does not know it.</param>
/// <param name="ValidTo">The last day in force; null while it is.</param>
/// <param name="Successor">The division that took it over when it was retired; null when it was not merged.</param>
public sealed record Division(
    DivisionCode Code,
    string Name,
    DivisionCode? Parent,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    DivisionCode? Successor)
{
    /// <summary>County, street or community.</summary>
    public DivisionLevel Level => Code.Level;

    /// <summary>Whether the division is in force on <paramref name="day"/>.</summary>
    public bool IsInForceOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);

    /// <summary>Whether the division was retired (it has a last day).</summary>
    public bool IsRetired => ValidTo is not null;
}
