using Hub.Core;
using Hub.Core.Feeds.Sources;

namespace Hub.Functions.Sources;

/// <summary>The configured sources, and what of the Hub's files does not yet fit together.</summary>
/// <param name="Sources">The sources and their field mappings, by id.</param>
/// <param name="Warnings">
/// What the start-up check found and the Hub started with: a profile rule or an access-policy mask naming an attribute
/// (or a source) no mapping provides yet. Each names its file, key and fix.
/// </param>
internal sealed record SourcesOverview(IReadOnlyList<SourceMapping> Sources, IReadOnlyList<HubFileFinding> Warnings);
