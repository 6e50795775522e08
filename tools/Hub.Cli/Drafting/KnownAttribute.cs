using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;

namespace Hub.Cli.Drafting;

/// <summary>What the draft knows of one Hub attribute: how the mappings in the sources folder map it.</summary>
/// <param name="Name">The attribute, e.g. <c>birthDate</c>.</param>
/// <param name="Type">Its field type in the first mapping that maps it.</param>
/// <param name="Sensitivity">The highest sensitivity any mapping gives it, so a draft errs on the safe side.</param>
/// <param name="Sharing">The most restrictive sharing type any mapping gives it.</param>
/// <param name="Required">Whether every mapping that maps it requires it.</param>
/// <param name="CodeList">The name of its code list in the first mapping that has one.</param>
/// <param name="Codes">Every label and its Hub code, from all mappings' lists for it.</param>
/// <param name="Sources">The source ids whose mappings map it.</param>
internal sealed record KnownAttribute(
    string Name,
    FieldType Type,
    Sensitivity Sensitivity,
    SharingType Sharing,
    bool Required,
    string? CodeList,
    IReadOnlyDictionary<string, string> Codes,
    IReadOnlyList<string> Sources);
