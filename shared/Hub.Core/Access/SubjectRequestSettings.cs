namespace Hub.Core.Access;

/// <summary>
/// Requests a resident makes about their own data (PIPL art. 45 and 46), handled for them by an officer: the data
/// subject's report (everything the Hub holds about them, who looked and what was shared) and a correction of a value,
/// routed to the department that owns it. The report shows the resident's own values in full, since they are its reader.
/// </summary>
public sealed record SubjectRequestSettings
{
    /// <summary>The roles that may produce a report or file a correction for a resident of their jurisdiction; never auditors or administrators.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The purpose a report is recorded under: a listed purpose.</summary>
    public string ReportPurpose { get; init; } = "data-subject-request";

    /// <summary>The purpose a correction request is recorded under: a listed purpose.</summary>
    public string CorrectionPurpose { get; init; } = "data-correction";
}
