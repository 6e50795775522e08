using System.Collections.Frozen;
using Hub.Core.Kernel;

namespace Hub.Core.Divisions;

/// <summary>
/// The city's divisions and grids of one version: names, parents, validity and successors, held in memory (a city's
/// registry is a few thousand entries), so that naming a code or following a merge costs no storage operation.
/// Built by <see cref="DivisionRegistryFile"/> from a file that passed its checks.
/// </summary>
public sealed class DivisionRegistry
{
    /// <summary>The separator of a full path: 朝阳区 / 建外街道 / 光华里社区 / 第三网格.</summary>
    public const string PathSeparator = " / ";

    // A successor chain is never longer than the registry; the file check refuses cycles, so this only guards the walk.
    private const int MaxChain = 64;

    private readonly FrozenDictionary<DivisionCode, Division> _divisions;
    private readonly FrozenDictionary<(DivisionCode, GridCode), DivisionGrid> _grids;
    private readonly FrozenDictionary<DivisionCode, DivisionCode[]> _children;
    private readonly FrozenDictionary<DivisionCode, DivisionCode[]> _predecessors;

    internal DivisionRegistry(string version, string hash, IEnumerable<Division> divisions, IEnumerable<DivisionGrid> grids)
    {
        Version = version;
        Hash = hash;
        _divisions = divisions.ToFrozenDictionary(d => d.Code);
        _grids = grids.ToFrozenDictionary(g => (g.Community, g.Code));
        _children = _divisions.Values.Where(d => d.Parent is not null)
            .GroupBy(d => d.Parent!.Value)
            .ToFrozenDictionary(g => g.Key, g => g.Select(d => d.Code).Order(Comparer<DivisionCode>.Create((a, b) => string.CompareOrdinal(a.Value, b.Value))).ToArray());
        _predecessors = _divisions.Values.Where(d => d.Successor is not null)
            .GroupBy(d => d.Successor!.Value)
            .ToFrozenDictionary(g => g.Key, g => g.Select(d => d.Code).ToArray());
    }

    /// <summary>A registry that knows no division: names nothing, resolves every code to itself.</summary>
    public static DivisionRegistry Empty { get; } = new("none", string.Empty, [], []);

    /// <summary>The version the file states, e.g. <c>2026.1</c>.</summary>
    public string Version { get; }

    /// <summary>The SHA-256 of the file's bytes, lower-case hex.</summary>
    public string Hash { get; }

    /// <summary>Every division, retired ones included.</summary>
    public IReadOnlyCollection<Division> Divisions => _divisions.Values;

    /// <summary>Every grid.</summary>
    public IReadOnlyCollection<DivisionGrid> Grids => _grids.Values;

    /// <summary>The division of <paramref name="code"/>; null when the registry does not know it.</summary>
    public Division? Find(DivisionCode code) => _divisions.GetValueOrDefault(code);

    /// <summary>The grid <paramref name="grid"/> of <paramref name="community"/>; null when unknown.</summary>
    public DivisionGrid? FindGrid(DivisionCode community, GridCode grid) => _grids.GetValueOrDefault((community, grid));

    /// <summary>The divisions directly inside <paramref name="code"/>, in code order.</summary>
    public IReadOnlyList<Division> Children(DivisionCode code) =>
        _children.TryGetValue(code, out var children) ? [.. children.Select(c => _divisions[c])] : [];

    /// <summary>The grids of a community, in code order.</summary>
    public IReadOnlyList<DivisionGrid> GridsOf(DivisionCode community) =>
        [.. _grids.Values.Where(g => g.Community == community).OrderBy(g => g.Code.Value, StringComparer.Ordinal)];

    /// <summary>The divisions that were merged into <paramref name="code"/> (directly or through others).</summary>
    public IReadOnlyList<DivisionCode> PredecessorsOf(DivisionCode code)
    {
        var found = new List<DivisionCode>();
        var next = new Queue<DivisionCode>([code]);
        while (next.TryDequeue(out var current) && found.Count < _divisions.Count)
        {
            foreach (var predecessor in _predecessors.GetValueOrDefault(current, []))
            {
                if (predecessor != code && !found.Contains(predecessor))
                {
                    found.Add(predecessor);
                    next.Enqueue(predecessor);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Where <paramref name="code"/> lies today: a retired code's successor (followed to the end of the chain); a code
    /// the registry does not know inside a retired street or county, that street's or county's successor. Any other code
    /// is returned as it is.
    /// </summary>
    public DivisionCode Current(DivisionCode code)
    {
        if (_divisions.TryGetValue(code, out var known))
        {
            return Follow(known);
        }

        foreach (var ancestor in Ancestors(code))
        {
            if (_divisions.TryGetValue(ancestor, out var division))
            {
                return division.Successor is null ? code : Follow(division);
            }
        }

        return code;
    }

    /// <summary>How the registry knows <paramref name="code"/> on <paramref name="day"/>.</summary>
    public DivisionStanding Standing(DivisionCode code, DateOnly day) =>
        _divisions.TryGetValue(code, out var division)
            ? division.IsInForceOn(day) ? DivisionStanding.InForce : DivisionStanding.Retired
            : DivisionStanding.Unknown;

    /// <summary>The name of <paramref name="code"/>; null when the registry does not know it.</summary>
    public string? NameOf(DivisionCode code) => Find(code)?.Name;

    /// <summary>
    /// The path of <paramref name="code"/> (and <paramref name="grid"/> of it) from the county down, the parts the
    /// registry knows: 朝阳区, 建外街道, 光华里社区, 第三网格.
    /// </summary>
    public IReadOnlyList<DivisionStep> PathOf(DivisionCode code, GridCode? grid = null)
    {
        var steps = new List<DivisionStep>(4);
        foreach (var part in Ancestors(code).Reverse().Append(code))
        {
            if (_divisions.TryGetValue(part, out var division))
            {
                steps.Add(new DivisionStep(LevelName(division.Level), division.Code.Value, division.Name));
            }
        }

        if (grid is { } g && _grids.TryGetValue((code, g), out var known))
        {
            steps.Add(new DivisionStep("grid", known.Code.Value, known.Name));
        }

        return steps;
    }

    /// <summary>The full path as one line (朝阳区 / 建外街道 / 光华里社区 / 第三网格); null when the registry knows no part of it.</summary>
    public string? FullNameOf(DivisionCode code, GridCode? grid = null)
    {
        var steps = PathOf(code, grid);
        return steps.Count == 0 ? null : string.Join(PathSeparator, steps.Select(s => s.Name));
    }

    /// <summary>The level as the API writes it: county, street or community.</summary>
    public static string LevelName(DivisionLevel level) => level switch
    {
        DivisionLevel.Province => "province",
        DivisionLevel.City => "city",
        DivisionLevel.County => "county",
        DivisionLevel.Street => "street",
        _ => "community",
    };

    /// <summary>The county and street a code lies in (those above its own level), deepest first.</summary>
    private static IEnumerable<DivisionCode> Ancestors(DivisionCode code)
    {
        if (code.Level == DivisionLevel.Community)
        {
            yield return DivisionCode.Parse(code.Street);
        }

        if (code.Level is DivisionLevel.Community or DivisionLevel.Street)
        {
            yield return DivisionCode.Parse(code.County);
        }
    }

    private DivisionCode Follow(Division division)
    {
        var current = division;
        for (var i = 0; i < MaxChain && current.Successor is { } next && _divisions.TryGetValue(next, out var successor); i++)
        {
            current = successor;
        }

        return current.Successor ?? current.Code;
    }
}
