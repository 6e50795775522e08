using System.Text.Json.Serialization;

namespace Hub.Core;

/// <summary>One thing the check of the Hub's files found, on one line: the file, the key in it, the problem and the fix.</summary>
/// <param name="Severity">Whether it stops the Hub's start.</param>
/// <param name="File">The file (or folder) it is about.</param>
/// <param name="Key">The key in the file, e.g. <c>groups[7].details</c>, or the configuration key of a missing file.</param>
/// <param name="Problem">What is wrong; names and keys only, never a value of a person.</param>
/// <param name="Fix">What to change.</param>
public sealed record HubFileFinding(FindingSeverity Severity, string File, string Key, string Problem, string Fix)
{
    /// <summary>The finding as the start-up log and <c>hub sources check</c> print it.</summary>
    [JsonIgnore]
    public string Line => $"{Severity.ToString().ToLowerInvariant()}: {File}: {Key}: {Problem}; fix: {Fix}";
}
