namespace Hub.Core.Retention;

/// <summary>
/// How long the Hub keeps a person after their purpose is achieved (PIPL Art. 47): counted from the later of the day
/// their last special-group membership ended and the day a department last sent a record of them, in years per group
/// and per source, with <see cref="DefaultYears"/> for any not named. A person with a membership still active is kept.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>Configuration section: <c>Hub:Retention</c>.</summary>
    public const string SectionName = "Hub:Retention";

    /// <summary>Years kept after a membership ends or a record last arrives, where no group or source says otherwise.</summary>
    public int DefaultYears { get; set; } = 5;

    /// <summary>Years kept after a membership of the group ends, by group id (<c>dibao</c>, <c>disability</c>…).</summary>
    public Dictionary<string, int> Groups { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Years kept after a record of the source last arrives (or ended), by source id.</summary>
    public Dictionary<string, int> Sources { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether the nightly sweep erases what has expired; when false it only reports what it would erase (the same
    /// report as a dry run), for a city that wants its officer to look first.
    /// </summary>
    public bool EraseOnSchedule { get; set; } = true;

    /// <summary>When the sweep runs (NCRONTAB, UTC): by default 19:15, after the night's reconciliation.</summary>
    public string Schedule { get; set; } = "0 15 19 * * *";

    /// <summary>Years for a membership of <paramref name="group"/>.</summary>
    public int YearsForGroup(string group) => Groups.TryGetValue(group, out var years) ? years : DefaultYears;

    /// <summary>Years for a record of <paramref name="source"/>.</summary>
    public int YearsForSource(string source) => Sources.TryGetValue(source, out var years) ? years : DefaultYears;
}
