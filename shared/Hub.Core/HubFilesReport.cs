using Hub.Core.Access;
using Hub.Core.Feeds.Sources;
using Hub.Core.Identity.Matching;
using Hub.Core.Profiles;

namespace Hub.Core;

/// <summary>What <see cref="HubFilesCheck"/> loaded and found. A part is null when its file could not be loaded.</summary>
/// <param name="Files">The files checked.</param>
/// <param name="Sources">The source catalogue.</param>
/// <param name="ProfileRules">The profile rules.</param>
/// <param name="MatchRules">The match rules.</param>
/// <param name="AccessPolicy">The access policy.</param>
/// <param name="Findings">Errors and warnings, errors first, each on one line.</param>
public sealed record HubFilesReport(
    HubFiles Files,
    SourceCatalog? Sources,
    ProfileRules? ProfileRules,
    MatchRules? MatchRules,
    AccessPolicy? AccessPolicy,
    IReadOnlyList<HubFileFinding> Findings)
{
    /// <summary>True when a finding stops the Hub's start.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == FindingSeverity.Error);

    /// <summary>The warnings: what does not yet fit together, and the Hub starts with.</summary>
    public IReadOnlyList<HubFileFinding> Warnings => [.. Findings.Where(f => f.Severity == FindingSeverity.Warning)];

    /// <summary>The errors, one line each, as the exception that stops the start says them.</summary>
    public string ErrorLines => string.Join(Environment.NewLine, Findings.Where(f => f.Severity == FindingSeverity.Error).Select(f => f.Line));

    /// <summary>The loaded part; an <see cref="InvalidDataException"/> naming every error when any file holds one.</summary>
    public T Require<T>(Func<HubFilesReport, T?> part)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(part);
        return !HasErrors && part(this) is { } loaded ? loaded : throw new InvalidDataException(ErrorLines);
    }
}
