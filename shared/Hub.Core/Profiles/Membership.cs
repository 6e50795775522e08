using Hub.Core.Kernel;

namespace Hub.Core.Profiles;

/// <summary>
/// A person's membership of a special group, from one fact, with its validity. An ended membership stays in the
/// profile with its end, so history can be asked about as well as the present.
/// </summary>
public sealed record Membership
{
    /// <summary>The group.</summary>
    public required GroupId Group { get; init; }

    /// <summary>The first day; the fact's first appearance when the source gave no start date (see <see cref="ValidFromIsFirstSeen"/>).</summary>
    public required DateOnly ValidFrom { get; init; }

    /// <summary>True when <see cref="ValidFrom"/> is the day the Hub first saw the fact, not a date the source stated.</summary>
    public bool ValidFromIsFirstSeen { get; init; }

    /// <summary>The last day the source states; null when open-ended.</summary>
    public DateOnly? ValidTo { get; init; }

    /// <summary>When a snapshot of the source stopped containing the fact; null while it is current.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The day of <see cref="EndedAt"/> in the Hub's calendar: from that day on the membership is not active.</summary>
    public DateOnly? EndedOn { get; init; }

    /// <summary>
    /// The day the register gives for the holder's death (the day it reported the death when it gives no date); null
    /// while the holder is not recorded as deceased. From the day after, the membership is not active, although the
    /// source's own record of it (<see cref="ValidTo"/>, <see cref="LastDay"/>) stays as the source sent it.
    /// </summary>
    public DateOnly? HolderDeceasedOn { get; init; }

    /// <summary>The attributes the group's rule names as details, e.g. disability category and grade, assistance amount.</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();

    /// <summary>The fact it comes from.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The source that states the membership.</summary>
    public string Source => Provenance.Source;

    /// <summary>The last day the membership is active: the earlier of <see cref="ValidTo"/> and the day before <see cref="EndedOn"/>; null when open-ended.</summary>
    public DateOnly? LastDay => (ValidTo, EndedOn) switch
    {
        (null, null) => null,
        ({ } to, null) => to,
        (null, { } ended) => ended.AddDays(-1),
        ({ } to, { } ended) => to < ended.AddDays(-1) ? to : ended.AddDays(-1),
    };

    /// <summary>
    /// Active on <paramref name="date"/>: active as its source states it (<see cref="IsStatedActiveOn"/>) and the
    /// holder not deceased before the date (<see cref="IsInactiveByDeathOn"/>).
    /// </summary>
    public bool IsActiveOn(DateOnly date) => IsStatedActiveOn(date) && !(HolderDeceasedOn < date);

    /// <summary>
    /// Active on <paramref name="date"/> as its source states it, whatever the register says of the holder: begun by
    /// then (<see cref="ValidFrom"/> ≤ date), not past its end (<see cref="ValidTo"/> absent or ≥ date), and not
    /// ended by a snapshot on or before the date.
    /// </summary>
    public bool IsStatedActiveOn(DateOnly date) =>
        ValidFrom <= date && (ValidTo is null || ValidTo >= date) && (EndedOn is null || EndedOn > date);

    /// <summary>
    /// True when the source still states the membership active on <paramref name="date"/> but the holder died before
    /// that day: the Hub does not count it, and reports the contradiction instead of end-dating the source's fact.
    /// </summary>
    public bool IsInactiveByDeathOn(DateOnly date) => HolderDeceasedOn < date && IsStatedActiveOn(date);

    /// <summary>Names the group and source, not the details.</summary>
    public override string ToString() => $"{Group} from {Source}";
}
