using Hub.Core.Feeds;

namespace Hub.Cli;

/// <summary>What <c>hub validate</c> found, as <c>--json</c> prints it. Rows, fields and reasons only, never values.</summary>
/// <param name="Source">The source id.</param>
/// <param name="Received">Rows read.</param>
/// <param name="Accepted">Rows the Hub would accept.</param>
/// <param name="Rejected">Rows the Hub would reject.</param>
/// <param name="IgnoredColumns">Columns the mapping does not know.</param>
/// <param name="Rejections">Every rejection, in row order.</param>
/// <param name="FailureReason">Why the Hub would fail the whole file, if it would.</param>
/// <param name="KeptForMatching">Rows the Hub would keep without a usable ID, to match by their other fields.</param>
/// <param name="IdProblems">The ID problem of each such row, in row order, as the Hub's row report lists them.</param>
/// <param name="LikelyCauses">Required fields rows lacked while they carried keys the mapping does not know, with those keys.</param>
/// <param name="Warnings">Invalid optional values of accepted rows, dropped or kept as sent as their fields ask, in row order.</param>
internal sealed record ValidationReport(
    string Source,
    long Received,
    long Accepted,
    long Rejected,
    IReadOnlyList<string> IgnoredColumns,
    IReadOnlyList<Rejection> Rejections,
    string? FailureReason,
    long KeptForMatching = 0,
    IReadOnlyList<Rejection>? IdProblems = null,
    IReadOnlyList<LikelyCause>? LikelyCauses = null,
    IReadOnlyList<ValueWarning>? Warnings = null);
