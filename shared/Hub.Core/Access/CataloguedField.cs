using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;

namespace Hub.Core.Access;

/// <summary>One attribute as one source maps it: how sensitive it is, how it may be shared, and its type.</summary>
/// <param name="Source">The source that sends the attribute.</param>
/// <param name="Attribute">The Hub attribute.</param>
/// <param name="Sensitivity">Its sensitivity level in this source's mapping.</param>
/// <param name="Sharing">Its sharing type in this source's mapping.</param>
/// <param name="Type">Its field type, which chooses how it is masked unless the policy says otherwise.</param>
public sealed record CataloguedField(SourceId Source, string Attribute, Sensitivity Sensitivity, SharingType Sharing, FieldType Type);
