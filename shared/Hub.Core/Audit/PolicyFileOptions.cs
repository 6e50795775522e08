namespace Hub.Core.Audit;

/// <summary>
/// The files whose change the audit trail records at start-up. Each part that loads a policy file names it here when
/// it registers (<see cref="PolicyFileServiceCollectionExtensions"/>), so the recorder knows the files without knowing
/// the parts.
/// </summary>
public sealed class PolicyFileOptions
{
    /// <summary>A policy file's name in the trail → its full path.</summary>
    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>A name prefix → a folder whose <c>*.json</c> files are each a policy file (the source mappings).</summary>
    public Dictionary<string, string> Folders { get; } = new(StringComparer.Ordinal);
}
