using Hub.Core.Kernel;

namespace Hub.Core.Divisions;

/// <summary>What a reader is shown beside a division code: its name, its grid's name, its full path and, for a retired code, where it lies today.</summary>
/// <param name="Name">The division's own name (光华里社区); null when the registry does not know the code.</param>
/// <param name="GridName">The grid's name (第三网格); null when no grid is given or the registry does not know it.</param>
/// <param name="Path">From the county down, one line: 朝阳区 / 建外街道 / 光华里社区 / 第三网格; null when nothing is known.</param>
/// <param name="Current">The code it resolves to today, only when that is another code (a merged street's successor).</param>
public sealed record DivisionNames(string? Name, string? GridName, string? Path, string? Current)
{
    /// <summary>The names of <paramref name="code"/> and its grid <paramref name="grid"/> (as written) in <paramref name="registry"/>.</summary>
    public static DivisionNames Of(DivisionRegistry registry, DivisionCode code, string? grid)
    {
        ArgumentNullException.ThrowIfNull(registry);
        GridCode? gridCode = GridCode.TryParse(grid, out var parsed) ? parsed : null;
        var current = registry.Current(code);
        return new DivisionNames(
            registry.NameOf(code),
            gridCode is { } g ? registry.FindGrid(code, g)?.Name : null,
            registry.FullNameOf(code, gridCode),
            current == code ? null : current.Value);
    }

    /// <summary>The names of a code written as text; all null when it is no division code.</summary>
    public static DivisionNames Of(DivisionRegistry registry, string? code, string? grid) =>
        DivisionCode.TryParse(code, out var parsed, out _) ? Of(registry, parsed.Value, grid) : new DivisionNames(null, null, null, null);
}
