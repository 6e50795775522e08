using Hub.Core.Divisions;
using Hub.Core.Kernel;
using Hub.Core.Profiles;

namespace Hub.Core.Access;

/// <summary>
/// The part of the division tree a user may look into: the subtree of their division and, for a grid worker, only
/// their grid of it. A person lies inside when their residence (居住地) or their household registration (户籍地) does,
/// so that both places stay informed (双向管理).
/// </summary>
public sealed record Jurisdiction
{
    private readonly DivisionRegistry? _divisions;

    private Jurisdiction(DivisionCode division, GridCode? grid, DivisionRegistry? divisions) => (Division, Grid, _divisions) = (division, grid, divisions);

    /// <summary>The root of the subtree.</summary>
    public DivisionCode Division { get; }

    /// <summary>The one grid a grid worker sees; null when the whole subtree is visible.</summary>
    public GridCode? Grid { get; }

    /// <summary>
    /// The jurisdiction of <paramref name="user"/>. A user who holds the grid-worker role and no other area role is
    /// bound to their grid; a grid worker who is also, say, a community worker sees the whole community. With
    /// <paramref name="divisions"/>, a place filed under a retired code lies where the registry says it lies today, so
    /// the office of a merged street's successor sees those filed under the old code; and a user still placed at a
    /// retired code (a token or subscription issued before the merge) reaches the successor's subtree as well.
    /// </summary>
    public static Jurisdiction Of(HubUser user, DivisionRegistry? divisions = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var gridOnly = user.Roles.All(r => r == HubRoles.GridWorker);
        return new Jurisdiction(user.Division, gridOnly ? user.Grid : null, divisions);
    }

    /// <summary>A jurisdiction over a division's subtree, optionally narrowed to one grid.</summary>
    public static Jurisdiction Over(DivisionCode division, GridCode? grid = null, DivisionRegistry? divisions = null) => new(division, grid, divisions);

    /// <summary>Whether a person placed at <paramref name="residence"/> and <paramref name="registration"/> lies inside.</summary>
    public bool Covers(DivisionPlace? residence, DivisionPlace? registration) => Covers(residence) || Covers(registration);

    /// <summary>Whether a person placed as <paramref name="profile"/> says lies inside.</summary>
    public bool Covers(PersonProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Covers(PlaceOf(profile.Residence), PlaceOf(profile.Registration));
    }

    /// <summary>
    /// Where the subtree lies today: the successor of a retired <see cref="Division"/>, else the division itself.
    /// </summary>
    public DivisionCode Current => _divisions?.Current(Division) ?? Division;

    /// <summary>Whether one place lies inside. A grid worker's place must name their grid; an unknown grid does not.</summary>
    public bool Covers(DivisionPlace? place) =>
        place is { } p
        && (Division.Contains(p.Division) || (_divisions is { } registry && Inside(registry, p.Division)))
        && (Grid is null || p.Grid == Grid);

    /// <summary>
    /// For a jurisdiction at a street or below, the streets (9 digits, in order) whose index partitions may hold its
    /// persons: its own, the one it lies in today and those merged into that one. Empty above a street, where the
    /// index is read as a range of partitions that holds every street of the county or city already.
    /// </summary>
    public IReadOnlyList<string> Streets()
    {
        if (Division.Prefix.Length < 9)
        {
            return [];
        }

        var streets = new SortedSet<string>(StringComparer.Ordinal) { Division.Street };
        if (_divisions is { } registry)
        {
            var today = DivisionCode.Parse(registry.Current(DivisionCode.Parse(Division.Street)).Street);
            streets.Add(today.Street);
            foreach (var merged in registry.PredecessorsOf(today).Where(c => c.Level == DivisionLevel.Street))
            {
                streets.Add(merged.Street);
            }
        }

        return [.. streets];
    }

    private bool Inside(DivisionRegistry registry, DivisionCode place)
    {
        var today = registry.Current(place);
        var root = registry.Current(Division);
        return Division.Contains(today) || root.Contains(place) || root.Contains(today);
    }

    private static DivisionPlace? PlaceOf(Place? place) =>
        place is null ? null : new DivisionPlace(place.Division, GridCode.TryParse(place.Grid, out var grid) ? grid : null);
}
